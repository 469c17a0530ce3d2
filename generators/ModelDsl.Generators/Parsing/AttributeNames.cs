namespace ModelDsl.Generators.Parsing;

/// <summary>Metadata names of the declaration attributes in the ModelDsl assembly.</summary>
internal static class AttributeNames
{
    public const string MambaModel = "ModelDsl.MambaModelAttribute";
    public const string VariantOf = "ModelDsl.VariantOfAttribute";
    public const string MambaMixer = "ModelDsl.MambaMixerAttribute";
    public const string Layer = "ModelDsl.LayerAttribute";
    public const string GlobalSelection = "ModelDsl.GlobalSelectionAttribute";

    /// <summary>Base class of every generated model.</summary>
    public const string LanguageModelBase = "ModelDsl.Modules.MambaLanguageModel";
}
