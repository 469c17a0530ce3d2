using Microsoft.CodeAnalysis;
using ModelDsl.Generators.Tests.Infrastructure;

namespace ModelDsl.Generators.Tests;

/// <summary>
/// One test per diagnostic: its id, its location (the marked span, by offsets and by line and
/// column) and its message. A declaration with an error generates no model class.
/// </summary>
public sealed class DiagnosticTests
{
    private const string Header = """
        using ModelDsl;

        namespace Samples;


        """;

    [Fact]
    public void MDSL0001_ClassNotPartial() => AssertSingle(
        "[MambaModel(VocabSize = 64, DModel = 16, Layers = 1)] public class [|Plain|] { }",
        "MDSL0001",
        "Class 'Plain' declares a model and must be 'partial' so the generator can complete it; add the 'partial' modifier");

    [Fact]
    public void MDSL0002_ClassGeneric() => AssertSingle(
        "[MambaModel(VocabSize = 64, DModel = 16, Layers = 1)] public partial class [|Generic|]<T> { }",
        "MDSL0002",
        "Class 'Generic' declares a model and must not have type parameters; remove them or declare one class per configuration");

    [Fact]
    public void MDSL0003_ContainingTypeNotPartial() => AssertSingle(
        "public static class Outer { [MambaModel(VocabSize = 64, DModel = 16, Layers = 1)] public partial class [|Inner|]; }",
        "MDSL0003",
        "Class 'Inner' is nested in 'Outer', which must be 'partial' so the generator can add to it; add the 'partial' modifier to 'Outer'");

    [Fact]
    public void MDSL0004_MissingRequiredProperty() => AssertSingle(
        "[[|MambaModel(VocabSize = 64, Layers = 1)|]] public partial class NoWidth;",
        "MDSL0004",
        "[MambaModel] on 'NoWidth' must set DModel; add 'DModel = <positive integer>'");

    [Fact]
    public void MDSL0005_SizeNotPositive() => AssertSingle(
        "[MambaModel(VocabSize = 64, DModel = 16, [|Layers = 0|])] public partial class NoLayers;",
        "MDSL0005",
        "Layers = 0 is invalid; it must be at least 1");

    [Fact]
    public void MDSL0006_VocabSizeNotPositive() => AssertSingle(
        "[MambaModel([|VocabSize = -3|], DModel = 16, Layers = 1)] public partial class NoTokens;",
        "MDSL0006",
        "VocabSize = -3 is invalid; the vocabulary must contain at least 1 token id");

    [Fact]
    public void MDSL0007_DStateOutOfRange() => AssertSingle(
        "[MambaModel(VocabSize = 64, DModel = 16, Layers = 1)] [MambaMixer([|DState = 65|])] public partial class WideState;",
        "MDSL0007",
        "DState = 65 is outside the range 1..64 that the generated selective-scan kernels support");

    [Fact]
    public void MDSL0008_DConvOutOfRange() => AssertSingle(
        "[MambaModel(VocabSize = 64, DModel = 16, Layers = 1)] [MambaMixer([|DConv = 0|])] public partial class NoConv;",
        "MDSL0008",
        "DConv = 0 is outside the supported range 1..16");

    [Fact]
    public void MDSL0009_ExpandTooSmall() => AssertSingle(
        "[MambaModel(VocabSize = 64, DModel = 16, Layers = 1)] [MambaMixer([|Expand = 0|])] public partial class Narrow;",
        "MDSL0009",
        "Expand = 0 is invalid; d_inner = expand · d_model needs expand ≥ 1");

    [Fact]
    public void MDSL0010_DtRankNegative() => AssertSingle(
        "[MambaModel(VocabSize = 64, DModel = 16, Layers = 1)] [MambaMixer([|DtRank = -1|])] public partial class NegativeRank;",
        "MDSL0010",
        "DtRank = -1 is invalid; use a positive rank, or 0 for ceil(d_model / 16)");

    [Fact]
    public void MDSL0011_StepSizeNotPositive() => AssertSingle(
        "[MambaModel(VocabSize = 64, DModel = 16, Layers = 1)] [MambaMixer([|DtInitFloor = 0.0|])] public partial class ZeroFloor;",
        "MDSL0011",
        "DtInitFloor = 0 is invalid; it must be a finite number greater than 0");

    [Fact]
    public void MDSL0012_StepSizeRangeInverted() => AssertSingle(
        "[MambaModel(VocabSize = 64, DModel = 16, Layers = 1)] [MambaMixer([|DtMin = 0.5|], DtMax = 0.1)] public partial class Inverted;",
        "MDSL0012",
        "DtMin = 0.5 is greater than DtMax = 0.1; the initial Δ is drawn from [DtMin, DtMax], so DtMin must not exceed DtMax");

    [Fact]
    public void MDSL0013_LayerAttributeIndexOutOfRange() => AssertSingle(
        "[MambaModel(VocabSize = 64, DModel = 16, Layers = 2)] [Layer([|2|], LayerKind.Mlp)] public partial class PastEnd;",
        "MDSL0013",
        "[Layer] names layer 2, but the model has 2 layers; use an index in 0..1");

    [Fact]
    public void MDSL0013_MixerLayersIndexOutOfRange() => AssertSingle(
        "[MambaModel(VocabSize = 64, DModel = 16, Layers = 2)] [MambaMixer(Layers = new[] { 0, [|5|] }, DState = 8)] public partial class PastEnd;",
        "MDSL0013",
        "[MambaMixer] Layers names layer 5, but the model has 2 layers; use an index in 0..1");

    [Fact]
    public void MDSL0013_GlobalSelectionLayersIndexOutOfRange() => AssertSingle(
        "[MambaModel(VocabSize = 64, DModel = 16, Layers = 2)] [GlobalSelection(Layers = [[|-1|]])] public partial class PastEnd;",
        "MDSL0013",
        "[GlobalSelection] Layers names layer -1, but the model has 2 layers; use an index in 0..1");

    [Fact]
    public void MDSL0014_DuplicateLayer() => AssertSingle(
        "[MambaModel(VocabSize = 64, DModel = 16, Layers = 2)] [Layer(1, LayerKind.Mlp)] [[|Layer(1, LayerKind.Mamba)|]] public partial class Twice;",
        "MDSL0014",
        "Layer 1 already has a [Layer] attribute on this declaration; keep one");

    [Fact]
    public void MDSL0015_UnknownLayerKind() => AssertSingle(
        "[MambaModel(VocabSize = 64, DModel = 16, Layers = 2)] [Layer(0, [|(LayerKind)7|])] public partial class Unknown;",
        "MDSL0015",
        "Layer kind 7 is not a member of ModelDsl.LayerKind; use LayerKind.Mamba or LayerKind.Mlp");

    [Fact]
    public void MDSL0016_MissingLayerKind() => AssertSingle(
        "[MambaModel(VocabSize = 64, DModel = 16, Layers = 2, [|LayerKind = 0|])] public partial class NoKind;",
        "MDSL0016",
        "Layer kind 0 is not a kind; use LayerKind.Mamba or LayerKind.Mlp");

    [Fact]
    public void MDSL0017_GlobalSelectionKernelSizeOutOfRange() => AssertSingle(
        "[MambaModel(VocabSize = 64, DModel = 16, Layers = 1)] [GlobalSelection([|KernelSize = 5000|])] public partial class HugeKernel;",
        "MDSL0017",
        "KernelSize = 5000 is outside the supported range 1..4096");

    [Fact]
    public void MDSL0018_GlobalSelectionOnMlpLayer() => AssertSingle(
        "[MambaModel(VocabSize = 64, DModel = 16, Layers = 2)] [Layer(1, LayerKind.Mlp)] [GlobalSelection(Layers = new int[] { 0, [|1|] })] public partial class GatedMlp;",
        "MDSL0018",
        "[GlobalSelection] names layer 1, which is a layer of kind Mlp without a step size Δ; global selection needs a Mamba layer");

    [Fact]
    public void MDSL0019_VariantCycle()
    {
        var output = GeneratorHarness.Run(Header + """
            [VariantOf(typeof(Second))] public partial class First;
            [VariantOf(typeof(First))] public partial class Second;
            """);

        Assert.Equal(new[] { "MDSL0019", "MDSL0019" }, output.Diagnostics.Select(diagnostic => diagnostic.Id));
        Assert.Equal(
            "[VariantOf] on 'First' forms a cycle: First → Second → First; one declaration of the chain must carry [MambaModel]",
            output.Diagnostics[0].GetMessage());
        Assert.Empty(output.HintNames);
    }

    [Fact]
    public void MDSL0019_VariantOfItself() => AssertSingle(
        "[VariantOf([|typeof(Self)|])] public partial class Self;",
        "MDSL0019",
        "[VariantOf] on 'Self' forms a cycle: Self → Self; one declaration of the chain must carry [MambaModel]");

    [Fact]
    public void MDSL0020_VariantBaseNotDeclared() => AssertSingle(
        "public class Unrelated { } [VariantOf([|typeof(Unrelated)|])] public partial class Orphan;",
        "MDSL0020",
        "[VariantOf] on 'Orphan' names 'Samples.Unrelated', which has neither [MambaModel] nor [VariantOf]; name a model declaration");

    [Fact]
    public void MDSL0021_ModelAndVariantConflict() => AssertSingle(
        "[MambaModel(VocabSize = 64, DModel = 16, Layers = 1)] public partial class Base; [MambaModel(VocabSize = 64, DModel = 16, Layers = 1)] [[|VariantOf(typeof(Base))|]] public partial class Both;",
        "MDSL0021",
        "Class 'Both' has both [MambaModel] and [VariantOf]; keep [MambaModel] for a new model or [VariantOf] for a variant",
        expectedHintNames: new[] { "Samples.Base.g.cs", "SelectiveScanN16.g.cs" });

    [Fact]
    public void MDSL0022_ConflictingMixerSettings() => AssertSingle(
        "[MambaModel(VocabSize = 64, DModel = 16, Layers = 2)] [MambaMixer(Layers = new[] { 1 }, DState = 8)] [MambaMixer(Layers = new[] { 0, 1 }, [|DState = 4|])] public partial class Conflict;",
        "MDSL0022",
        "Two [MambaMixer] attributes set DState for layer 1; set each property at most once per layer");

    [Fact]
    public void MDSL0022_TwoGlobalMixersSetOneProperty() => AssertSingle(
        "[MambaModel(VocabSize = 64, DModel = 16, Layers = 3)] [MambaMixer(DState = 8, DConv = 2)] [MambaMixer([|DState = 4|])] public partial class Conflict;",
        "MDSL0022",
        "Two [MambaMixer] attributes set DState for every layer; set each property at most once per layer");

    [Fact]
    public void MDSL0023_NormEpsNotPositive() => AssertSingle(
        "[MambaModel(VocabSize = 64, DModel = 16, Layers = 1, [|NormEps = -1e-5|])] public partial class NegativeEps;",
        "MDSL0023",
        "NormEps = -1E-05 is invalid; it must be a finite number greater than 0");

    [Fact]
    public void MDSL0024_UnknownGlobalSelectionVariant() => AssertSingle(
        "[MambaModel(VocabSize = 64, DModel = 16, Layers = 1)] [GlobalSelection([|Variant = (GlobalSelectionVariant)9|])] public partial class OddVariant;",
        "MDSL0024",
        "Variant 9 is not a member of ModelDsl.GlobalSelectionVariant; use GateDelta or AddToInput");

    [Fact]
    public void MDSL0025_BaseClassDeclared() => AssertSingle(
        "public class Other { } [MambaModel(VocabSize = 64, DModel = 16, Layers = 1)] public partial class [|Derived|] : Other;",
        "MDSL0025",
        "Class 'Derived' derives from 'Samples.Other', but generated models derive from ModelDsl.Modules.MambaLanguageModel; remove the base class");

    [Fact]
    public void MDSL0026_MixerSettingsOnMlpLayer() => AssertSingle(
        "[MambaModel(VocabSize = 64, DModel = 16, Layers = 2)] [Layer(1, LayerKind.Mlp)] [MambaMixer(Layers = new[] { [|1|] }, DState = 8)] public partial class IgnoredMixer;",
        "MDSL0026",
        "[MambaMixer] names layer 1, which is a layer of kind Mlp without a Mamba mixer; its settings are ignored",
        expectedHintNames: new[] { "Samples.IgnoredMixer.g.cs", "SelectiveScanN16.g.cs" });

    [Fact]
    public void MDSL0027_ModelTooLarge() => AssertSingle(
        "[[|MambaModel(VocabSize = 64, DModel = 1073741824, Layers = 1)|]] public partial class Huge;",
        "MDSL0027",
        "d_inner = expand · d_model = 2147483648 exceeds 2147483647; reduce DModel, Expand, DState or VocabSize");

    [Fact]
    public void MDSL0027_ParameterCountOverflows() => AssertSingle(
        "[[|MambaModel(VocabSize = 2147483647, DModel = 536870912, Layers = 64, TieEmbeddings = false)|]] [MambaMixer(Expand = 1)] public partial class Enormous;",
        "MDSL0027",
        "The parameter or state count exceeds 9223372036854775807; reduce DModel, Expand, DState or VocabSize");

    [Fact]
    public void MDSL0028_RecordDeclared() => AssertSingle(
        "[MambaModel(VocabSize = 64, DModel = 16, Layers = 1)] public partial record [|Frozen|];",
        "MDSL0028",
        "Record 'Frozen' cannot declare a model because generated models are TorchSharp modules with reference identity; declare it as 'partial class Frozen'");

    [Fact]
    public void MDSL0028_RecordVariantReportedOnce() => AssertSingle(
        "[MambaModel(VocabSize = 64, DModel = 16, Layers = 1)] public partial class Base; [VariantOf(typeof(Base))] public partial record [|FrozenVariant|];",
        "MDSL0028",
        "Record 'FrozenVariant' cannot declare a model because generated models are TorchSharp modules with reference identity; declare it as 'partial class FrozenVariant'",
        expectedHintNames: new[] { "Samples.Base.g.cs", "SelectiveScanN16.g.cs" });

    [Fact]
    public void MDSL0029_AttributeWithoutDeclaration() => AssertSingle(
        "[[|GlobalSelection(KernelSize = 64)|]] public partial class ForgotVariantOf;",
        "MDSL0029",
        "[GlobalSelection] on 'ForgotVariantOf' has no effect because the class has neither [MambaModel] nor [VariantOf]; add one of them");

    [Fact]
    public void VariantError_ReportedAtVariantArgument() => AssertSingle(
        "[MambaModel(VocabSize = 64, DModel = 16, Layers = 2)] public partial class Base; [VariantOf(typeof(Base))] [MambaMixer([|DState = 100|])] public partial class BadVariant;",
        "MDSL0007",
        "DState = 100 is outside the range 1..64 that the generated selective-scan kernels support",
        expectedHintNames: new[] { "Samples.Base.g.cs", "SelectiveScanN16.g.cs" });

    [Fact]
    public void VariantOfInvalidBase_ReportsOnlyTheBase()
    {
        var output = GeneratorHarness.Run(Header + """
            [MambaModel(VocabSize = 64, DModel = 16, Layers = 2)] [MambaMixer(DState = 0)] public partial class Broken;
            [VariantOf(typeof(Broken))] [GlobalSelection] public partial class BrokenGs;
            """);

        var diagnostic = Assert.Single(output.Diagnostics);
        Assert.Equal("MDSL0007", diagnostic.Id);
        Assert.Empty(output.HintNames);
    }

    [Fact]
    public void Location_IsInTheCompilationsOwnTree()
    {
        // The compiler applies #pragma warning disable only to locations in one of the
        // compilation's syntax trees, so the location must not be a detached file location.
        var compilation = GeneratorHarness.CreateCompilation(Header + """
            [MambaModel(VocabSize = 64, DModel = 16, Layers = 2)] [Layer(1, LayerKind.Mlp)] [MambaMixer(Layers = new[] { 1 }, DState = 8)] public partial class Quiet;
            """);

        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);

        var diagnostic = Assert.Single(driver.GetRunResult().Diagnostics);
        Assert.Equal(LocationKind.SourceFile, diagnostic.Location.Kind);
        Assert.Same(compilation.SyntaxTrees.Single(), diagnostic.Location.SourceTree);
    }

    [Fact]
    public void DiagnosticCatalogue_IdsAreSequentialAndDocumented()
    {
        var ids = Diagnostics.DiagnosticDescriptors.All.Select(descriptor => descriptor.Id).ToList();
        var documentation = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "diagnostics.md"));

        Assert.Equal(Enumerable.Range(1, ids.Count).Select(number => $"MDSL{number:D4}"), ids);
        foreach (var id in ids)
        {
            Assert.Contains("## " + id, documentation, StringComparison.Ordinal);
        }
    }

    private static void AssertSingle(string markedDeclaration, string id, string message, string[]? expectedHintNames = null)
    {
        var marked = MarkedSource.Parse(Header + markedDeclaration);

        var output = GeneratorHarness.Run(marked.Source);

        var diagnostic = Assert.Single(output.Diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(message, diagnostic.GetMessage());
        Assert.True(diagnostic.Location.IsInSource, "The diagnostic must point into the declaration's syntax tree.");
        Assert.Equal(GeneratorHarness.SourcePath(0), diagnostic.Location.SourceTree!.FilePath);
        Assert.Equal(marked.Span, diagnostic.Location.SourceSpan);
        Assert.Equal(marked.LineSpan, diagnostic.Location.GetLineSpan().Span);
        Assert.Equal(expectedHintNames ?? Array.Empty<string>(), output.HintNames);
    }

    private static string RepositoryRoot([System.Runtime.CompilerServices.CallerFilePath] string callerFile = "")
        => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(callerFile)!, "..", ".."));
}
