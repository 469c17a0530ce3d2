using ModelDsl.Generators.Tests.Infrastructure;

namespace ModelDsl.Generators.Tests;

/// <summary>
/// Generated <c>ParameterCount</c> and <c>StateSizePerToken</c> constants against counts worked out
/// by hand from the module shapes (E = expand · d_model, R = dt_rank, N = d_state, K = d_conv).
/// </summary>
public sealed class ParameterCountTests
{
    private const string Mamba130m = """
        using ModelDsl;

        namespace Samples;

        [MambaModel(VocabSize = 50280, DModel = 768, Layers = 24)]
        public partial class Mamba130m;

        [VariantOf(typeof(Mamba130m))]
        [GlobalSelection(KernelSize = 128)]
        public partial class Mamba130mGs;
        """;

    [Fact]
    public void Mamba130m_MatchesPublishedCount()
    {
        var output = GeneratorHarness.Run(Mamba130m);

        // state-spaces/mamba-130m: 24 layers of 3,771,648 parameters, a 50280 × 768 tied
        // embedding and norm_f.
        Assert.Equal(129_135_360L, GeneratedConstants.Read(output, "Samples.Mamba130m", "ParameterCount"));
    }

    [Fact]
    public void Mamba130m_GlobalSelectionAddsE129PerLayer()
    {
        var output = GeneratorHarness.Run(Mamba130m);

        var plain = GeneratedConstants.Read(output, "Samples.Mamba130m", "ParameterCount");
        var withGlobalSelection = GeneratedConstants.Read(output, "Samples.Mamba130mGs", "ParameterCount");

        // 24 layers × (E · 128 kernel weights + E biases), E = 1536.
        Assert.Equal(4_755_456L, withGlobalSelection - plain);
    }

    [Fact]
    public void Mamba130m_StateSizePerToken()
    {
        var output = GeneratorHarness.Run(Mamba130m);

        // Per layer E · N + E · (K − 1) = 1536 · 16 + 1536 · 3; global selection adds E · 127.
        Assert.Equal(24L * ((1536 * 16) + (1536 * 3)), GeneratedConstants.Read(output, "Samples.Mamba130m", "StateSizePerToken"));
        Assert.Equal(24L * ((1536 * 16) + (1536 * 3) + (1536 * 127)), GeneratedConstants.Read(output, "Samples.Mamba130mGs", "StateSizePerToken"));
    }

    [Fact]
    public void Minimal_CountsEveryMixerParameter()
    {
        var output = GeneratorHarness.Run(SampleDeclarations.Minimal);

        // d = 32, E = 64, R = ceil(32 / 16) = 2, N = 16, K = 4.
        const long layer = 32 // norm
            + (32 * 128) // in_proj
            + ((64 * 4) + 64) // conv1d with bias
            + (64 * (2 + 32)) // x_proj
            + ((2 * 64) + 64) // dt_proj
            + (64 * 16) // A_log
            + 64 // D
            + (64 * 32); // out_proj
        Assert.Equal((256L * 32) + 32 + (2 * layer), GeneratedConstants.Read(output, "Samples.Tiny", "ParameterCount"));
        Assert.Equal(2L * ((64 * 16) + (64 * 3)), GeneratedConstants.Read(output, "Samples.Tiny", "StateSizePerToken"));
    }

    [Fact]
    public void AllOptions_CountsBiasesAndUntiedHead()
    {
        var output = GeneratorHarness.Run(SampleDeclarations.AllOptions);

        // d = 48, E = 144, R = 5, N = 8, K = 3, in/out biases on, conv bias off, kernel 64.
        const long layer = 48
            + ((48 * 288) + 288)
            + (144 * 3)
            + (144 * (5 + 16))
            + ((5 * 144) + 144)
            + (144 * 8)
            + 144
            + ((144 * 48) + 48)
            + ((144 * 64) + 144);
        Assert.Equal((2L * 1000 * 48) + 48 + (3 * layer), GeneratedConstants.Read(output, "Samples.Everything", "ParameterCount"));
        Assert.Equal(3L * ((144 * 8) + (144 * 2) + (144 * 63)), GeneratedConstants.Read(output, "Samples.Everything", "StateSizePerToken"));
    }

    [Fact]
    public void MlpHybrid_CountsMlpLayer()
    {
        var output = GeneratorHarness.Run(SampleDeclarations.MlpHybrid);

        const long mamba = 32 + (32 * 128) + ((64 * 4) + 64) + (64 * (2 + 32)) + ((2 * 64) + 64) + (64 * 16) + 64 + (64 * 32);
        const long mlp = 32 + ((32 * 128) + 128) + ((128 * 32) + 32);
        Assert.Equal((128L * 32) + 32 + (2 * mamba) + mlp, GeneratedConstants.Read(output, "Samples.Hybrid", "ParameterCount"));
        Assert.Equal(2L * ((64 * 16) + (64 * 3)), GeneratedConstants.Read(output, "Samples.Hybrid", "StateSizePerToken"));
    }

    [Fact]
    public void PerLayerMixers_UsesEachLayersSettings()
    {
        var output = GeneratorHarness.Run(SampleDeclarations.PerLayerMixers);

        static long Layer(long e, long n, long k) => 32 + (32 * 2 * e) + ((e * k) + e) + (e * (2 + (2 * n))) + ((2 * e) + e) + (e * n) + e + (e * 32);
        var expected = (128L * 32) + 32 + Layer(64, 16, 4) + Layer(32, 32, 4) + Layer(64, 16, 2) + Layer(32, 32, 4);
        Assert.Equal(expected, GeneratedConstants.Read(output, "Samples.Mixed", "ParameterCount"));
    }

    [Fact]
    public void GlobalSelectionSubset_AddsOnlyListedLayers()
    {
        var output = GeneratorHarness.Run(SampleDeclarations.GlobalSelectionSubset + """


            [MambaModel(VocabSize = 256, DModel = 32, Layers = 4)]
            public partial class NoGlobal;
            """);

        var subset = GeneratedConstants.Read(output, "Samples.PartlyGlobal", "ParameterCount");
        var plain = GeneratedConstants.Read(output, "Samples.NoGlobal", "ParameterCount");
        Assert.Equal(2L * ((64 * 32) + 64), subset - plain);
    }

    [Fact]
    public void VariantDisablingGlobalSelection_MatchesPlainBase()
    {
        var output = GeneratorHarness.Run(SampleDeclarations.GlobalSelectionAllLayers + """


            [VariantOf(typeof(TinyGs))]
            [GlobalSelection(Enabled = false)]
            public partial class TinyAgain;
            """);

        Assert.Equal(
            GeneratedConstants.Read(output, "Samples.Tiny", "ParameterCount"),
            GeneratedConstants.Read(output, "Samples.TinyAgain", "ParameterCount"));
    }

    [Fact]
    public void VariantOfReferencedAssemblyModel_InheritsItsSettings()
    {
        var library = GeneratorHarness.Run(SampleDeclarations.Minimal);
        using var image = new MemoryStream();
        Assert.True(library.OutputCompilation.Emit(image).Success);
        var libraryReference = Microsoft.CodeAnalysis.MetadataReference.CreateFromImage(image.ToArray());
        var consumer = GeneratorHarness.CreateCompilation("""
            using ModelDsl;

            namespace Consumer;

            [VariantOf(typeof(Samples.Tiny))]
            [GlobalSelection]
            public partial class TinyGs;
            """).WithAssemblyName("Consumer").AddReferences(libraryReference);

        GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(consumer, out var output, out var generatorDiagnostics);

        Assert.Empty(generatorDiagnostics);
        Assert.Empty(output.GetDiagnostics().Where(diagnostic => diagnostic.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning));
        var variant = output.GetTypeByMetadataName("Consumer.TinyGs")!;
        var parameterCount = (long)variant.GetMembers("ParameterCount").OfType<Microsoft.CodeAnalysis.IFieldSymbol>().Single().ConstantValue!;
        Assert.Equal(28_128L + (2 * ((64 * 128) + 64)), parameterCount);
    }
}
