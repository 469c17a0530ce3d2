using ModelDsl.Generators.Tests.Infrastructure;

namespace ModelDsl.Generators.Tests;

/// <summary>
/// Kernel files: which ones a compilation gets, and one snapshot. Re-accept the snapshot with
/// MODELDSL_ACCEPT_SNAPSHOTS=1 after merging a kernel emitter change.
/// </summary>
public sealed class KernelSnapshotTests
{
    [Fact]
    public void PlainKernel()
    {
        var output = GeneratorHarness.Run(SampleDeclarations.Minimal);

        SnapshotAssert.Matches(output.Source("SelectiveScanN16.g.cs"), nameof(KernelSnapshotTests));
    }

    [Fact]
    public void Kernels_DedupedAndSortedAcrossDeclarations()
    {
        const string source = """
            using ModelDsl;

            namespace Samples;

            [MambaModel(VocabSize = 64, DModel = 16, Layers = 3)]
            [MambaMixer(Layers = new[] { 1 }, DState = 8)]
            [GlobalSelection(Layers = new[] { 2 })]
            public partial class First;

            [MambaModel(VocabSize = 64, DModel = 16, Layers = 2)]
            [MambaMixer(DState = 8)]
            public partial class Second;

            [VariantOf(typeof(Second))]
            [GlobalSelection(Variant = GlobalSelectionVariant.AddToInput)]
            public partial class SecondAdd;
            """;

        var output = GeneratorHarness.Run(source);

        var kernels = output.HintNames.Where(name => name.StartsWith("SelectiveScan", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            new[] { "SelectiveScanN8.g.cs", "SelectiveScanN8AddToInput.g.cs", "SelectiveScanN16.g.cs", "SelectiveScanN16GateDelta.g.cs" },
            kernels);
    }

    [Fact]
    public void MlpOnlyModel_GetsNoKernel()
    {
        const string source = """
            using ModelDsl;

            [MambaModel(VocabSize = 64, DModel = 16, Layers = 2, LayerKind = LayerKind.Mlp)]
            public partial class OnlyMlp;
            """;

        var output = GeneratorHarness.Run(source);

        Assert.Equal(new[] { "OnlyMlp.g.cs" }, output.HintNames);
    }
}
