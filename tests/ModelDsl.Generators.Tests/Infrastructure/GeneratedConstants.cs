using Microsoft.CodeAnalysis;

namespace ModelDsl.Generators.Tests.Infrastructure;

/// <summary>Reads the constants of a generated model class from the compilation it was added to.</summary>
internal static class GeneratedConstants
{
    public static long Read(GeneratorOutput output, string metadataName, string constantName)
    {
        var type = output.OutputCompilation.GetTypeByMetadataName(metadataName)
            ?? throw new InvalidOperationException($"Type '{metadataName}' was not found in the output compilation.");
        var field = type.GetMembers(constantName).OfType<IFieldSymbol>().SingleOrDefault()
            ?? throw new InvalidOperationException($"Type '{metadataName}' has no constant '{constantName}'.");
        return Convert.ToInt64(field.ConstantValue);
    }
}
