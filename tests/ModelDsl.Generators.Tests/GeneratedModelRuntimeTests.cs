using System.Reflection;
using ModelDsl.Generators.Tests.Infrastructure;
using ModelDsl.Modules;
using static TorchSharp.torch;

namespace ModelDsl.Generators.Tests;

/// <summary>
/// Compiles the generated code, loads it and builds the model with the real runtime modules: the
/// parameter names follow PyTorch's Mamba, their total equals the generated <c>ParameterCount</c>,
/// and a forward pass maps token ids to logits.
/// </summary>
public sealed class GeneratedModelRuntimeTests
{
    public static TheoryData<string, string> SampleModels => new()
    {
        { nameof(SampleDeclarations.Minimal), "Samples.Tiny" },
        { nameof(SampleDeclarations.AllOptions), "Samples.Everything" },
        { nameof(SampleDeclarations.UntiedHead), "Samples.Untied" },
        { nameof(SampleDeclarations.PerLayerMixers), "Samples.Mixed" },
        { nameof(SampleDeclarations.MlpHybrid), "Samples.Hybrid" },
        { nameof(SampleDeclarations.Variant), "Samples.TinySmallState" },
        { nameof(SampleDeclarations.GlobalSelectionAllLayers), "Samples.TinyGs" },
        { nameof(SampleDeclarations.GlobalSelectionSubset), "Samples.PartlyGlobal" },
        { nameof(SampleDeclarations.AddToInputVariant), "Samples.TinyGsAddToInput" },
    };

    [Theory]
    [MemberData(nameof(SampleModels))]
    public void ParameterCount_MatchesBuiltModel(string sampleName, string typeName)
    {
        var type = LoadGeneratedType(SampleDeclarations.All[sampleName], typeName);
        using var model = CreateModel(type);

        var built = model.parameters().Sum(parameter => parameter.numel());

        Assert.Equal(ReadConstant(type, "ParameterCount"), built);
        Assert.Equal(ReadConstant(type, "ParameterCount"), model.Architecture.ParameterCount);
        Assert.Equal(ReadConstant(type, "NLayers"), model.Architecture.NLayers);
    }

    [Fact]
    public void ParameterNames_FollowPyTorchMamba()
    {
        var type = LoadGeneratedType(SampleDeclarations.UntiedHead, "Samples.Untied");
        using var model = CreateModel(type);

        var names = model.named_parameters().Select(entry => entry.name).ToHashSet();

        Assert.Contains("backbone.embeddings.weight", names);
        Assert.Contains("backbone.layers.0.norm.weight", names);
        Assert.Contains("backbone.layers.0.mixer.in_proj.weight", names);
        Assert.Contains("backbone.layers.1.mixer.A_log", names);
        Assert.Contains("backbone.layers.1.mixer.dt_proj.bias", names);
        Assert.Contains("backbone.norm_f.weight", names);
        Assert.Contains("lm_head.weight", names);
    }

    [Fact]
    public void TiedHead_HasNoLmHeadParameter()
    {
        var type = LoadGeneratedType(SampleDeclarations.Minimal, "Samples.Tiny");
        using var model = CreateModel(type);

        var names = model.named_parameters().Select(entry => entry.name).ToList();

        Assert.DoesNotContain(names, name => name.StartsWith("lm_head", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(SampleModels))]
    public void Forward_MapsTokenIdsToLogits(string sampleName, string typeName)
    {
        var type = LoadGeneratedType(SampleDeclarations.All[sampleName], typeName);
        using var model = CreateModel(type);
        using var ids = tensor(new long[] { 1, 5, 7, 2, 0, 3 }, dtype: ScalarType.Int64).reshape(2, 3);

        using var logits = model.forward(ids);

        Assert.Equal(new[] { 2, 3, ReadConstant(type, "VocabSize") }, logits.shape);
        Assert.True(logits.isfinite().all().item<bool>());
    }

    private static MambaLanguageModel CreateModel(Type type)
        => (MambaLanguageModel)Activator.CreateInstance(type, new ModelOptions { Seed = 7, ScanPath = ScanPath.Reference })!;

    private static long ReadConstant(Type type, string name)
        => Convert.ToInt64(type.GetField(name, BindingFlags.Public | BindingFlags.Static)!.GetRawConstantValue());

    private static Type LoadGeneratedType(string source, string typeName)
    {
        var output = GeneratorHarness.Run(source);
        using var image = new MemoryStream();

        var emitted = output.OutputCompilation.Emit(image);

        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        var assembly = Assembly.Load(image.ToArray());
        return assembly.GetType(typeName, throwOnError: true)!;
    }
}
