namespace ModelDsl.Generators.Emitters;

/// <summary>Fully qualified names of the runtime types that generated models use.</summary>
internal static class TypeNames
{
    public const string Tensor = "global::TorchSharp.torch.Tensor";
    public const string Module = "global::TorchSharp.torch.nn.Module<" + Tensor + ", " + Tensor + ">";
    public const string Linear = "global::TorchSharp.Modules.Linear";
    public const string LinearFactory = "global::TorchSharp.torch.nn.Linear";
    public const string LinearFunction = "global::TorchSharp.torch.nn.functional.linear";

    public const string LanguageModel = "global::ModelDsl.Modules.MambaLanguageModel";
    public const string Backbone = "global::ModelDsl.Modules.MambaBackbone";
    public const string MambaBlock = "global::ModelDsl.Modules.MambaBlock";
    public const string MlpBlock = "global::ModelDsl.Modules.MlpBlock";

    public const string ModelOptions = "global::ModelDsl.ModelOptions";
    public const string ModelDescription = "global::ModelDsl.ModelDescription";
    public const string LayerDescription = "global::ModelDsl.LayerDescription";
    public const string MixerSettings = "global::ModelDsl.MixerSettings";
    public const string GlobalSelectionSettings = "global::ModelDsl.GlobalSelectionSettings";
    public const string GlobalSelectionVariant = "global::ModelDsl.GlobalSelectionVariant";
    public const string LayerKind = "global::ModelDsl.LayerKind";
}
