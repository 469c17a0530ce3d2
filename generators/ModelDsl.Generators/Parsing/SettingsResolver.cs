using System;
using System.Collections.Generic;
using System.Threading;
using ModelDsl.Generators.Diagnostics;
using ModelDsl.Generators.Model;

namespace ModelDsl.Generators.Parsing;

/// <summary>
/// Merges the attributes of a declaration chain (the <c>[MambaModel]</c> declaration first, the
/// variant last) into resolved layers, and validates every value on the way. A later declaration's
/// explicitly set properties override earlier ones. Within one declaration, a <c>[MambaMixer]</c>
/// with <c>Layers</c> overrides one without.
/// </summary>
internal static class SettingsResolver
{
    private const int DefaultGlobalSelectionKernelSize = 128;

    /// <summary>Returns the resolved model, or <c>null</c> when an error was added to <paramref name="diagnostics"/>.</summary>
    public static ResolvedModel? Resolve(List<DeclarationAttributes> chain, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        var root = chain[0];
        var model = root.Model!;
        var className = chain[chain.Count - 1].Symbol.Name;

        var vocabSize = ReadRequiredSize(model, "VocabSize", className, DiagnosticDescriptors.VocabSizeNotPositive, diagnostics);
        var dModel = ReadRequiredSize(model, "DModel", className, DiagnosticDescriptors.SizeNotPositive, diagnostics);
        var layerCount = ReadRequiredSize(model, "Layers", className, DiagnosticDescriptors.SizeNotPositive, diagnostics);

        var tieEmbeddings = model.TryGetBool("TieEmbeddings", out var tie) ? tie.Value : true;
        var normEps = model.TryGetDouble("NormEps", out var eps) ? eps.Value : 1e-5;
        if (!(normEps > 0) || double.IsInfinity(normEps))
        {
            diagnostics.Add(DiagnosticDescriptors.NormEpsNotPositive, eps.Location, normEps);
        }

        var defaultKind = DeclaredLayerKind.Mamba;
        if (model.TryGetInt("LayerKind", out var kindSetting) && CheckLayerKind(kindSetting, diagnostics))
        {
            defaultKind = (DeclaredLayerKind)kindSetting.Value;
        }

        if (vocabSize is null || dModel is null || layerCount is null)
        {
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();

        var kinds = ResolveLayerKinds(chain, layerCount.Value, defaultKind, diagnostics);
        var mixers = ResolveMixers(chain, kinds, diagnostics);
        var globalSelection = ResolveGlobalSelection(chain, kinds, diagnostics);

        var layers = new List<LayerSpec>();
        for (var index = 0; index < kinds.Length; index++)
        {
            var mixer = kinds[index] == DeclaredLayerKind.Mamba
                ? BuildMixer(mixers[index], dModel.Value, globalSelection[index], diagnostics)
                : null;
            layers.Add(new LayerSpec(index, kinds[index], dModel.Value, mixer));
        }

        if (diagnostics.HasErrors)
        {
            return null;
        }

        var resolved = new ResolvedModel(vocabSize.Value, dModel.Value, tieEmbeddings, normEps, layers.ToEquatableArray());
        return CheckSize(resolved, model.Location, diagnostics) ? resolved : null;
    }

    /// <summary>
    /// Checks that the runtime's sizes fit their types: d_inner and the MLP width are <c>int</c>
    /// there, and the parameter and state counts are <c>long</c> constants.
    /// </summary>
    private static bool CheckSize(ResolvedModel model, LocationInfo location, DiagnosticBag diagnostics)
    {
        var mlpWidth = (long)ParameterCounting.MlpWidthFactor * model.DModel;
        foreach (var layer in model.Layers)
        {
            if (layer.Kind == DeclaredLayerKind.Mlp && mlpWidth > int.MaxValue)
            {
                diagnostics.Add(DiagnosticDescriptors.ModelTooLarge, location, $"The MLP width 4 · d_model = {mlpWidth} exceeds {int.MaxValue}");
                return false;
            }

            if (layer.Mixer is { DInner: > int.MaxValue })
            {
                diagnostics.Add(DiagnosticDescriptors.ModelTooLarge, location, $"d_inner = expand · d_model = {layer.Mixer.DInner} exceeds {int.MaxValue}");
                return false;
            }
        }

        try
        {
            var spec = new ModelSpec("", EquatableArray<string>.Empty, "", null, model.VocabSize, model.DModel, model.TieEmbeddings, model.NormEps, model.Layers);
            _ = spec.ParameterCount;
            _ = spec.StateSizePerToken;
            return true;
        }
        catch (OverflowException)
        {
            diagnostics.Add(DiagnosticDescriptors.ModelTooLarge, location, $"The parameter or state count exceeds {long.MaxValue}");
            return false;
        }
    }

    private static int? ReadRequiredSize(
        AttributeArguments model,
        string name,
        string className,
        Microsoft.CodeAnalysis.DiagnosticDescriptor notPositive,
        DiagnosticBag diagnostics)
    {
        if (!model.TryGetInt(name, out var setting))
        {
            // A half-typed value reads as absent, and the compiler already reports it.
            if (!model.IsSet(name) && !HasErroneousArgument(model, name))
            {
                diagnostics.Add(DiagnosticDescriptors.MissingRequiredProperty, model.Location, className, name);
            }

            return null;
        }

        if (setting.Value <= 0)
        {
            if (notPositive == DiagnosticDescriptors.VocabSizeNotPositive)
            {
                diagnostics.Add(notPositive, setting.Location, setting.Value);
            }
            else
            {
                diagnostics.Add(notPositive, setting.Location, name, setting.Value);
            }

            return null;
        }

        return setting.Value;
    }

    private static bool HasErroneousArgument(AttributeArguments attribute, string name)
        => !ReferenceEquals(attribute.NamedLocation(name), attribute.Location);

    private static bool CheckLayerKind(Setting<int> kind, DiagnosticBag diagnostics)
    {
        if (kind.Value == 0)
        {
            diagnostics.Add(DiagnosticDescriptors.MissingLayerKind, kind.Location);
            return false;
        }

        if (!Enum.IsDefined(typeof(DeclaredLayerKind), kind.Value))
        {
            diagnostics.Add(DiagnosticDescriptors.UnknownLayerKind, kind.Location, kind.Value);
            return false;
        }

        return true;
    }

    private static bool CheckLayerIndex(Setting<int> index, string source, int layerCount, DiagnosticBag diagnostics)
    {
        if (index.Value >= 0 && index.Value < layerCount)
        {
            return true;
        }

        diagnostics.Add(DiagnosticDescriptors.LayerIndexOutOfRange, index.Location, source, index.Value, layerCount, layerCount - 1);
        return false;
    }

    private static DeclaredLayerKind[] ResolveLayerKinds(
        List<DeclarationAttributes> chain,
        int layerCount,
        DeclaredLayerKind defaultKind,
        DiagnosticBag diagnostics)
    {
        var kinds = new DeclaredLayerKind[layerCount];
        for (var i = 0; i < layerCount; i++)
        {
            kinds[i] = defaultKind;
        }

        foreach (var declaration in chain)
        {
            var declared = new HashSet<int>();
            foreach (var layer in declaration.Layers)
            {
                if (!layer.TryGetConstructorInt(0, out var index) || !layer.TryGetConstructorInt(1, out var kind))
                {
                    continue;
                }

                var indexValid = CheckLayerIndex(index, "[Layer]", layerCount, diagnostics);
                var kindValid = CheckLayerKind(kind, diagnostics);
                if (!indexValid || !kindValid)
                {
                    continue;
                }

                if (!declared.Add(index.Value))
                {
                    diagnostics.Add(DiagnosticDescriptors.DuplicateLayer, layer.Location, index.Value);
                    continue;
                }

                kinds[index.Value] = (DeclaredLayerKind)kind.Value;
            }
        }

        return kinds;
    }

    private static MixerProperties[] ResolveMixers(List<DeclarationAttributes> chain, DeclaredLayerKind[] kinds, DiagnosticBag diagnostics)
    {
        var perLayer = new MixerProperties[kinds.Length];
        for (var i = 0; i < perLayer.Length; i++)
        {
            perLayer[i] = new MixerProperties();
        }

        foreach (var declaration in chain)
        {
            var global = new List<AttributeArguments>();
            var specific = new List<(AttributeArguments Attribute, int[] Layers)>();
            foreach (var mixer in declaration.Mixers)
            {
                CheckMixerValues(mixer, diagnostics);
                if (mixer.TryGetIntArray("Layers", out var layers) && layers.Value is not null)
                {
                    var valid = new List<int>();
                    foreach (var index in layers.Value)
                    {
                        if (CheckLayerIndex(new Setting<int>(index, layers.Location), "[MambaMixer] Layers", kinds.Length, diagnostics))
                        {
                            valid.Add(index);
                        }
                    }

                    specific.Add((mixer, valid.ToArray()));
                }
                else
                {
                    global.Add(mixer);
                }
            }

            for (var index = 0; index < kinds.Length; index++)
            {
                var setBy = new Dictionary<string, AttributeArguments>();
                foreach (var mixer in global)
                {
                    ApplyWithoutConflict(perLayer[index], mixer, index, setBy, diagnostics);
                }
            }

            var setBySpecific = new Dictionary<int, Dictionary<string, AttributeArguments>>();
            foreach (var (mixer, layers) in specific)
            {
                foreach (var index in layers)
                {
                    if (kinds[index] != DeclaredLayerKind.Mamba)
                    {
                        diagnostics.Add(DiagnosticDescriptors.MixerSettingsOnNonMambaLayer, mixer.NamedLocation("Layers"), index, kinds[index]);
                        continue;
                    }

                    if (!setBySpecific.TryGetValue(index, out var setBy))
                    {
                        setBy = new Dictionary<string, AttributeArguments>();
                        setBySpecific[index] = setBy;
                    }

                    ApplyWithoutConflict(perLayer[index], mixer, index, setBy, diagnostics);
                }
            }
        }

        return perLayer;
    }

    private static void ApplyWithoutConflict(
        MixerProperties target,
        AttributeArguments mixer,
        int layerIndex,
        Dictionary<string, AttributeArguments> setBy,
        DiagnosticBag diagnostics)
    {
        foreach (var name in target.Apply(mixer))
        {
            if (setBy.TryGetValue(name, out var earlier) && !ReferenceEquals(earlier, mixer))
            {
                diagnostics.Add(DiagnosticDescriptors.ConflictingMixerSettings, mixer.NamedLocation(name), name, layerIndex);
            }

            setBy[name] = mixer;
        }
    }

    private static void CheckMixerValues(AttributeArguments mixer, DiagnosticBag diagnostics)
    {
        if (mixer.TryGetInt(MixerProperties.DState, out var dState) && (dState.Value < 1 || dState.Value > DiagnosticDescriptors.MaxDState))
        {
            diagnostics.Add(DiagnosticDescriptors.DStateOutOfRange, dState.Location, dState.Value);
        }

        if (mixer.TryGetInt(MixerProperties.DConv, out var dConv) && (dConv.Value < 1 || dConv.Value > DiagnosticDescriptors.MaxDConv))
        {
            diagnostics.Add(DiagnosticDescriptors.DConvOutOfRange, dConv.Location, dConv.Value);
        }

        if (mixer.TryGetInt(MixerProperties.Expand, out var expand) && expand.Value < 1)
        {
            diagnostics.Add(DiagnosticDescriptors.ExpandTooSmall, expand.Location, expand.Value);
        }

        if (mixer.TryGetInt(MixerProperties.DtRank, out var dtRank) && dtRank.Value < 0)
        {
            diagnostics.Add(DiagnosticDescriptors.DtRankNegative, dtRank.Location, dtRank.Value);
        }

        foreach (var name in MixerProperties.RealNames)
        {
            if (mixer.TryGetDouble(name, out var bound) && (!(bound.Value > 0) || double.IsInfinity(bound.Value)))
            {
                diagnostics.Add(DiagnosticDescriptors.StepSizeNotPositive, bound.Location, name, bound.Value);
            }
        }
    }

    private static MixerSpec BuildMixer(MixerProperties properties, int dModel, GlobalSelectionSpec? globalSelection, DiagnosticBag diagnostics)
    {
        var dtMin = properties.Real(MixerProperties.DtMin);
        var dtMax = properties.Real(MixerProperties.DtMax);
        if (dtMin.Value > dtMax.Value)
        {
            diagnostics.Add(DiagnosticDescriptors.StepSizeRangeInverted, dtMin.Location ?? dtMax.Location, dtMin.Value, dtMax.Value);
        }

        var dtRank = properties.Integer(MixerProperties.DtRank).Value;
        if (dtRank == 0)
        {
            dtRank = (int)(((long)dModel + 15) / 16);
        }

        return new MixerSpec(
            DModel: dModel,
            DState: properties.Integer(MixerProperties.DState).Value,
            DConv: properties.Integer(MixerProperties.DConv).Value,
            Expand: properties.Integer(MixerProperties.Expand).Value,
            DtRank: dtRank,
            DtMin: dtMin.Value,
            DtMax: dtMax.Value,
            DtInitFloor: properties.Real(MixerProperties.DtInitFloor).Value,
            ConvBias: properties.Flag(MixerProperties.ConvBias).Value,
            Bias: properties.Flag(MixerProperties.Bias).Value,
            GlobalSelection: globalSelection);
    }

    /// <summary>Returns, per layer, the global selection settings of its mixer or <c>null</c>.</summary>
    private static GlobalSelectionSpec?[] ResolveGlobalSelection(List<DeclarationAttributes> chain, DeclaredLayerKind[] kinds, DiagnosticBag diagnostics)
    {
        var perLayer = new GlobalSelectionSpec?[kinds.Length];
        var present = false;
        var enabled = true;
        var kernelSize = DefaultGlobalSelectionKernelSize;
        var mode = ScanMode.GateDelta;
        Setting<int[]?> layers = default;

        foreach (var declaration in chain)
        {
            var attribute = declaration.GlobalSelection;
            if (attribute is null)
            {
                continue;
            }

            // An attribute that does not set Enabled keeps the inherited value; a first one enables.
            enabled = attribute.TryGetBool("Enabled", out var enabledSetting) ? enabledSetting.Value : (present ? enabled : true);
            present = true;

            if (attribute.TryGetInt("KernelSize", out var size))
            {
                if (size.Value < 1 || size.Value > DiagnosticDescriptors.MaxGlobalSelectionKernelSize)
                {
                    diagnostics.Add(DiagnosticDescriptors.GlobalSelectionKernelSizeOutOfRange, size.Location, size.Value);
                }

                kernelSize = size.Value;
            }

            if (attribute.TryGetInt("Variant", out var variant))
            {
                switch (variant.Value)
                {
                    case 0:
                        mode = ScanMode.GateDelta;
                        break;
                    case 1:
                        mode = ScanMode.AddToInput;
                        break;
                    default:
                        diagnostics.Add(DiagnosticDescriptors.UnknownGlobalSelectionVariant, variant.Location, variant.Value);
                        break;
                }
            }

            if (attribute.TryGetIntArray("Layers", out var layerSetting))
            {
                layers = layerSetting;
                foreach (var index in layerSetting.Value ?? Array.Empty<int>())
                {
                    CheckLayerIndex(new Setting<int>(index, layerSetting.Location), "[GlobalSelection] Layers", kinds.Length, diagnostics);
                }
            }
        }

        if (!present || !enabled)
        {
            return perLayer;
        }

        var spec = new GlobalSelectionSpec(kernelSize, mode);
        if (layers.Value is null)
        {
            for (var index = 0; index < kinds.Length; index++)
            {
                perLayer[index] = kinds[index] == DeclaredLayerKind.Mamba ? spec : null;
            }

            return perLayer;
        }

        foreach (var index in layers.Value)
        {
            if (index < 0 || index >= kinds.Length)
            {
                continue;
            }

            if (kinds[index] != DeclaredLayerKind.Mamba)
            {
                diagnostics.Add(DiagnosticDescriptors.GlobalSelectionOnLayerWithoutDelta, layers.Location, index, kinds[index]);
                continue;
            }

            perLayer[index] = spec;
        }

        return perLayer;
    }
}
