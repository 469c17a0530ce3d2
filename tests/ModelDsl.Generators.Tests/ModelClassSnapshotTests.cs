using ModelDsl.Generators.Tests.Infrastructure;

namespace ModelDsl.Generators.Tests;

/// <summary>
/// Snapshots of generated model classes. Only the model file is compared, because the kernel
/// files change with the kernel emitters; KernelSnapshotTests covers one kernel file.
/// </summary>
public sealed class ModelClassSnapshotTests
{
    [Fact]
    public void Minimal() => Verify(SampleDeclarations.Minimal, "Samples.Tiny.g.cs");

    [Fact]
    public void AllOptions() => Verify(SampleDeclarations.AllOptions, "Samples.Everything.g.cs");

    [Fact]
    public void UntiedHead() => Verify(SampleDeclarations.UntiedHead, "Samples.Untied.g.cs");

    [Fact]
    public void PerLayerMixers() => Verify(SampleDeclarations.PerLayerMixers, "Samples.Mixed.g.cs");

    [Fact]
    public void MlpHybrid() => Verify(SampleDeclarations.MlpHybrid, "Samples.Hybrid.g.cs");

    [Fact]
    public void Variant() => Verify(SampleDeclarations.Variant, "Samples.TinySmallState.g.cs");

    [Fact]
    public void GlobalSelectionAllLayers() => Verify(SampleDeclarations.GlobalSelectionAllLayers, "Samples.TinyGs.g.cs");

    [Fact]
    public void GlobalSelectionSubset() => Verify(SampleDeclarations.GlobalSelectionSubset, "Samples.PartlyGlobal.g.cs");

    [Fact]
    public void AddToInputVariant() => Verify(SampleDeclarations.AddToInputVariant, "Samples.TinyGsAddToInput.g.cs");

    [Fact]
    public void NestedInPartialTypes()
    {
        const string source = """
            using ModelDsl;

            namespace Samples.Nested;

            public static partial class Experiments
            {
                internal partial record Suite
                {
                    [MambaModel(VocabSize = 64, DModel = 16, Layers = 1)]
                    public partial class Inner;
                }
            }
            """;

        Verify(source, "Samples.Nested.Experiments.Suite.Inner.g.cs");
    }

    [Fact]
    public void GlobalNamespace()
    {
        const string source = """
            using ModelDsl;

            [MambaModel(VocabSize = 64, DModel = 16, Layers = 1)]
            public partial class Bare;
            """;

        Verify(source, "Bare.g.cs");
    }

    private static void Verify(string source, string hintName, [System.Runtime.CompilerServices.CallerMemberName] string testMethod = "")
    {
        var output = GeneratorHarness.Run(source);

        Assert.Empty(output.Diagnostics);
        SnapshotAssert.Matches(output.Source(hintName), nameof(ModelClassSnapshotTests), testMethod: testMethod);
    }
}
