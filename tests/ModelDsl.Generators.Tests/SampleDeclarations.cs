namespace ModelDsl.Generators.Tests;

/// <summary>Declarations shared by the snapshot, compilation and parameter-count tests.</summary>
internal static class SampleDeclarations
{
    public const string Minimal = """
        using ModelDsl;

        namespace Samples;

        [MambaModel(VocabSize = 256, DModel = 32, Layers = 2)]
        [MambaMixer(DState = 16)]
        public partial class Tiny;
        """;

    public const string AllOptions = """
        using ModelDsl;

        namespace Samples;

        [MambaModel(VocabSize = 1000, DModel = 48, Layers = 3, TieEmbeddings = false, NormEps = 1e-6, LayerKind = LayerKind.Mamba)]
        [MambaMixer(DState = 8, DConv = 3, Expand = 3, DtRank = 5, DtMin = 0.002, DtMax = 0.2, DtInitFloor = 1e-3, ConvBias = false, Bias = true)]
        [GlobalSelection(KernelSize = 64, Variant = GlobalSelectionVariant.GateDelta, Enabled = true)]
        public partial class Everything;
        """;

    public const string UntiedHead = """
        using ModelDsl;

        namespace Samples;

        [MambaModel(VocabSize = 512, DModel = 64, Layers = 2, TieEmbeddings = false)]
        public partial class Untied;
        """;

    public const string PerLayerMixers = """
        using ModelDsl;

        namespace Samples;

        [MambaModel(VocabSize = 128, DModel = 32, Layers = 4)]
        [MambaMixer(DState = 16)]
        [MambaMixer(Layers = new[] { 1, 3 }, DState = 32, Expand = 1)]
        [MambaMixer(Layers = new[] { 2 }, DConv = 2)]
        public partial class Mixed;
        """;

    public const string MlpHybrid = """
        using ModelDsl;

        namespace Samples;

        [MambaModel(VocabSize = 128, DModel = 32, Layers = 3)]
        [Layer(1, LayerKind.Mlp)]
        public partial class Hybrid;
        """;

    public const string Variant = """
        using ModelDsl;

        namespace Samples;

        [MambaModel(VocabSize = 256, DModel = 32, Layers = 2)]
        [MambaMixer(DState = 16, DConv = 3)]
        public partial class Tiny;

        [VariantOf(typeof(Tiny))]
        [MambaMixer(DState = 8)]
        public partial class TinySmallState;
        """;

    public const string GlobalSelectionAllLayers = """
        using ModelDsl;

        namespace Samples;

        [MambaModel(VocabSize = 256, DModel = 32, Layers = 2)]
        [MambaMixer(DState = 16)]
        public partial class Tiny;

        [VariantOf(typeof(Tiny))]
        [GlobalSelection]
        public partial class TinyGs;
        """;

    public const string GlobalSelectionSubset = """
        using ModelDsl;

        namespace Samples;

        [MambaModel(VocabSize = 256, DModel = 32, Layers = 4)]
        [GlobalSelection(KernelSize = 32, Layers = new[] { 0, 2 })]
        public partial class PartlyGlobal;
        """;

    public const string AddToInputVariant = """
        using ModelDsl;

        namespace Samples;

        [MambaModel(VocabSize = 256, DModel = 32, Layers = 2)]
        [GlobalSelection]
        public partial class TinyGs;

        [VariantOf(typeof(TinyGs))]
        [GlobalSelection(Variant = GlobalSelectionVariant.AddToInput)]
        public partial class TinyGsAddToInput;
        """;

    /// <summary>Every sample above, for tests that check all of them.</summary>
    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>
    {
        [nameof(Minimal)] = Minimal,
        [nameof(AllOptions)] = AllOptions,
        [nameof(UntiedHead)] = UntiedHead,
        [nameof(PerLayerMixers)] = PerLayerMixers,
        [nameof(MlpHybrid)] = MlpHybrid,
        [nameof(Variant)] = Variant,
        [nameof(GlobalSelectionAllLayers)] = GlobalSelectionAllLayers,
        [nameof(GlobalSelectionSubset)] = GlobalSelectionSubset,
        [nameof(AddToInputVariant)] = AddToInputVariant,
    };
}
