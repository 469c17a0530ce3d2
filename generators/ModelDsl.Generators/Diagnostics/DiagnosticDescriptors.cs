using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace ModelDsl.Generators.Diagnostics;

/// <summary>
/// Every diagnostic the generator reports. Ids are stable: a retired id is never reused, and
/// docs/diagnostics.md describes each one with an example and its fix.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "ModelDsl";

    /// <summary>Largest d_state the generated selective-scan kernels support.</summary>
    public const int MaxDState = 64;

    /// <summary>Largest d_conv the short convolution supports.</summary>
    public const int MaxDConv = 16;

    /// <summary>Largest kernel size of the global selection long convolution.</summary>
    public const int MaxGlobalSelectionKernelSize = 4096;

    public static readonly DiagnosticDescriptor ClassNotPartial = Error(
        "MDSL0001",
        "Model declaration must be partial",
        "Class '{0}' declares a model and must be 'partial' so the generator can complete it; add the 'partial' modifier");

    public static readonly DiagnosticDescriptor ClassGeneric = Error(
        "MDSL0002",
        "Model declaration must not be generic",
        "Class '{0}' declares a model and must not have type parameters; remove them or declare one class per configuration");

    public static readonly DiagnosticDescriptor ContainingTypeNotPartial = Error(
        "MDSL0003",
        "Type containing a model declaration must be partial",
        "Class '{0}' is nested in '{1}', which must be 'partial' so the generator can add to it; add the 'partial' modifier to '{1}'");

    public static readonly DiagnosticDescriptor MissingRequiredProperty = Error(
        "MDSL0004",
        "Required model property is missing",
        "[MambaModel] on '{0}' must set {1}; add '{1} = <positive integer>'");

    public static readonly DiagnosticDescriptor SizeNotPositive = Error(
        "MDSL0005",
        "Model size must be positive",
        "{0} = {1} is invalid; it must be at least 1");

    public static readonly DiagnosticDescriptor VocabSizeNotPositive = Error(
        "MDSL0006",
        "Vocabulary size must be positive",
        "VocabSize = {0} is invalid; the vocabulary must contain at least 1 token id");

    public static readonly DiagnosticDescriptor DStateOutOfRange = Error(
        "MDSL0007",
        "d_state is outside the supported range",
        "DState = {0} is outside the range 1.." + MaxDState + " that the generated selective-scan kernels support");

    public static readonly DiagnosticDescriptor DConvOutOfRange = Error(
        "MDSL0008",
        "d_conv is outside the supported range",
        "DConv = {0} is outside the supported range 1.." + MaxDConv);

    public static readonly DiagnosticDescriptor ExpandTooSmall = Error(
        "MDSL0009",
        "expand must be at least 1",
        "Expand = {0} is invalid; d_inner = expand · d_model needs expand ≥ 1");

    public static readonly DiagnosticDescriptor DtRankNegative = Error(
        "MDSL0010",
        "dt_rank must not be negative",
        "DtRank = {0} is invalid; use a positive rank, or 0 for ceil(d_model / 16)");

    public static readonly DiagnosticDescriptor StepSizeNotPositive = Error(
        "MDSL0011",
        "Initial step size Δ bound must be positive",
        "{0} = {1} is invalid; it must be a finite number greater than 0");

    public static readonly DiagnosticDescriptor StepSizeRangeInverted = Error(
        "MDSL0012",
        "DtMin is greater than DtMax",
        "DtMin = {0} is greater than DtMax = {1}; the initial Δ is drawn from [DtMin, DtMax], so DtMin must not exceed DtMax");

    public static readonly DiagnosticDescriptor LayerIndexOutOfRange = Error(
        "MDSL0013",
        "Layer index is out of range",
        "{0} names layer {1}, but the model has {2} layers; use an index in 0..{3}");

    public static readonly DiagnosticDescriptor DuplicateLayer = Error(
        "MDSL0014",
        "Layer is declared more than once",
        "Layer {0} already has a [Layer] attribute on this declaration; keep one");

    public static readonly DiagnosticDescriptor UnknownLayerKind = Error(
        "MDSL0015",
        "Unknown layer kind",
        "Layer kind {0} is not a member of ModelDsl.LayerKind; use LayerKind.Mamba or LayerKind.Mlp");

    public static readonly DiagnosticDescriptor MissingLayerKind = Error(
        "MDSL0016",
        "Layer kind is missing",
        "Layer kind 0 is not a kind; use LayerKind.Mamba or LayerKind.Mlp");

    public static readonly DiagnosticDescriptor GlobalSelectionKernelSizeOutOfRange = Error(
        "MDSL0017",
        "Global selection kernel size is outside the supported range",
        "KernelSize = {0} is outside the supported range 1.." + MaxGlobalSelectionKernelSize);

    public static readonly DiagnosticDescriptor GlobalSelectionOnLayerWithoutDelta = Error(
        "MDSL0018",
        "Global selection on a layer without a step size Δ",
        "[GlobalSelection] names layer {0}, which is a layer of kind {1} without a step size Δ; global selection needs a Mamba layer");

    public static readonly DiagnosticDescriptor VariantCycle = Error(
        "MDSL0019",
        "Variant declarations form a cycle",
        "[VariantOf] on '{0}' forms a cycle: {1}; one declaration of the chain must carry [MambaModel]");

    public static readonly DiagnosticDescriptor VariantBaseNotDeclared = Error(
        "MDSL0020",
        "Variant base is not a model declaration",
        "[VariantOf] on '{0}' names '{1}', which has neither [MambaModel] nor [VariantOf]; name a model declaration");

    public static readonly DiagnosticDescriptor ModelAndVariantConflict = Error(
        "MDSL0021",
        "Declaration is both a model and a variant",
        "Class '{0}' has both [MambaModel] and [VariantOf]; keep [MambaModel] for a new model or [VariantOf] for a variant");

    public static readonly DiagnosticDescriptor ConflictingMixerSettings = Error(
        "MDSL0022",
        "Conflicting mixer settings for one layer",
        "Two [MambaMixer] attributes set {0} for {1}; set each property at most once per layer");

    public static readonly DiagnosticDescriptor NormEpsNotPositive = Error(
        "MDSL0023",
        "RMSNorm epsilon must be positive",
        "NormEps = {0} is invalid; it must be a finite number greater than 0");

    public static readonly DiagnosticDescriptor UnknownGlobalSelectionVariant = Error(
        "MDSL0024",
        "Unknown global selection variant",
        "Variant {0} is not a member of ModelDsl.GlobalSelectionVariant; use GateDelta or AddToInput");

    public static readonly DiagnosticDescriptor BaseClassDeclared = Error(
        "MDSL0025",
        "Model declaration must not declare a base class",
        "Class '{0}' derives from '{1}', but generated models derive from ModelDsl.Modules.MambaLanguageModel; remove the base class");

    public static readonly DiagnosticDescriptor MixerSettingsOnNonMambaLayer = Warning(
        "MDSL0026",
        "Mixer settings name a layer without a Mamba mixer",
        "[MambaMixer] names layer {0}, which is a layer of kind {1} without a Mamba mixer; its settings are ignored");

    public static readonly DiagnosticDescriptor ModelTooLarge = Error(
        "MDSL0027",
        "Model is too large",
        "{0}; reduce DModel, Expand, DState or VocabSize");

    public static readonly DiagnosticDescriptor RecordDeclared = Error(
        "MDSL0028",
        "Model declaration must be a class, not a record",
        "Record '{0}' cannot declare a model because generated models are TorchSharp modules with reference identity; declare it as 'partial class {0}'");

    public static readonly DiagnosticDescriptor AttributeWithoutDeclaration = Warning(
        "MDSL0029",
        "Model attribute has no effect without a declaration",
        "[{0}] on '{1}' has no effect because the class has neither [MambaModel] nor [VariantOf]; add one of them");

    private static readonly Dictionary<string, DiagnosticDescriptor> ById = BuildIndex();

    /// <summary>Returns the descriptor with <paramref name="id"/>.</summary>
    public static DiagnosticDescriptor Find(string id) => ById[id];

    /// <summary>Returns every descriptor, ordered by id.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All
    {
        get
        {
            var all = new List<DiagnosticDescriptor>(ById.Values);
            all.Sort((left, right) => string.CompareOrdinal(left.Id, right.Id));
            return all;
        }
    }

    private static Dictionary<string, DiagnosticDescriptor> BuildIndex()
    {
        var index = new Dictionary<string, DiagnosticDescriptor>();
        foreach (var field in typeof(DiagnosticDescriptors).GetFields())
        {
            if (field.GetValue(null) is DiagnosticDescriptor descriptor)
            {
                index.Add(descriptor.Id, descriptor);
            }
        }

        return index;
    }

    private static DiagnosticDescriptor Error(string id, string title, string message)
        => new DiagnosticDescriptor(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLink(id));

    private static DiagnosticDescriptor Warning(string id, string title, string message)
        => new DiagnosticDescriptor(id, title, message, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLink(id));

    private static string HelpLink(string id) => "docs/diagnostics.md#" + id.ToLowerInvariant();
}
