using Microsoft.CodeAnalysis;

namespace ModelDsl.Generators;

/// <summary>Generates TorchSharp modules and selective-scan kernels for attributed model declarations.</summary>
[Generator(LanguageNames.CSharp)]
public sealed class ModelGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
    }
}
