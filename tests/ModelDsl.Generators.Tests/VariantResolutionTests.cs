using ModelDsl.Generators.Model;
using ModelDsl.Generators.Tests.Infrastructure;

namespace ModelDsl.Generators.Tests;

/// <summary>
/// How a variant merges with its base: explicitly set properties override, everything else is
/// inherited, and a more derived declaration wins over a less derived one.
/// </summary>
public sealed class VariantResolutionTests
{
    private const string Base = """
        using ModelDsl;

        namespace Samples;

        [MambaModel(VocabSize = 64, DModel = 16, Layers = 3)]
        [MambaMixer(DState = 16, DConv = 3)]
        [MambaMixer(Layers = new[] { 2 }, DState = 32)]
        [GlobalSelection(KernelSize = 32)]
        public partial class Base;

        """;

    [Fact]
    public void VariantGlobalMixer_OverridesBasePerLayerSetting()
    {
        var model = Resolve(Base + "[VariantOf(typeof(Base))] [MambaMixer(DState = 8)] public partial class Small;", "Small");

        Assert.All(model.Layers, layer => Assert.Equal(8, layer.Mixer!.DState));
        Assert.All(model.Layers, layer => Assert.Equal(3, layer.Mixer!.DConv));
    }

    [Fact]
    public void VariantLayerMixer_KeepsOtherLayers()
    {
        var model = Resolve(Base + "[VariantOf(typeof(Base))] [MambaMixer(Layers = new[] { 0 }, Expand = 1)] public partial class Narrow;", "Narrow");

        Assert.Equal(new[] { 1, 2, 2 }, model.Layers.Select(layer => layer.Mixer!.Expand));
        Assert.Equal(new[] { 16, 16, 32 }, model.Layers.Select(layer => layer.Mixer!.DState));
    }

    [Fact]
    public void VariantLayer_ReplacesBaseKind()
    {
        var model = Resolve(Base + "[VariantOf(typeof(Base))] [Layer(1, LayerKind.Mlp)] public partial class Hybrid;", "Hybrid");

        Assert.Equal(new[] { DeclaredLayerKind.Mamba, DeclaredLayerKind.Mlp, DeclaredLayerKind.Mamba }, model.Layers.Select(layer => layer.Kind));
        Assert.Null(model.Layers[1].Mixer);
        Assert.NotNull(model.Layers[2].Mixer!.GlobalSelection);
    }

    [Fact]
    public void VariantGlobalSelection_OverridesOnlySetProperties()
    {
        var model = Resolve(Base + "[VariantOf(typeof(Base))] [GlobalSelection(Variant = GlobalSelectionVariant.AddToInput)] public partial class Added;", "Added");

        Assert.All(model.Layers, layer => Assert.Equal(new GlobalSelectionSpec(32, ScanMode.AddToInput), layer.Mixer!.GlobalSelection));
    }

    [Fact]
    public void VariantDisabledGlobalSelection_RemovesModule()
    {
        var model = Resolve(Base + "[VariantOf(typeof(Base))] [GlobalSelection(Enabled = false)] public partial class Plain;", "Plain");

        Assert.All(model.Layers, layer => Assert.Null(layer.Mixer!.GlobalSelection));
    }

    [Fact]
    public void VariantChain_MergesInOrder()
    {
        var model = Resolve(Base + """
            [VariantOf(typeof(Base))] [MambaMixer(DState = 8, DConv = 2)] public partial class Middle;
            [VariantOf(typeof(Middle))] [MambaMixer(DState = 4)] public partial class Last;
            """, "Last");

        Assert.All(model.Layers, layer => Assert.Equal(4, layer.Mixer!.DState));
        Assert.All(model.Layers, layer => Assert.Equal(2, layer.Mixer!.DConv));
        Assert.Equal("Samples.Middle", model.VariantOf);
    }

    [Fact]
    public void DtRankZero_ResolvesFromWidth()
    {
        var model = Resolve("""
            using ModelDsl;

            [MambaModel(VocabSize = 64, DModel = 40, Layers = 1)]
            public partial class Odd;
            """, "Odd");

        Assert.Equal(3, model.Layers[0].Mixer!.DtRank);
    }

    private static ModelSpec Resolve(string source, string className)
    {
        var output = GeneratorHarness.Run(source);

        Assert.Empty(output.Diagnostics);
        var models = output.RunResult.Results.Single().TrackedSteps[ModelGenerator.Steps.Models]
            .SelectMany(step => step.Outputs)
            .Select(entry => (ModelSpec)entry.Value);
        return models.Single(model => model.ClassName == className);
    }
}
