using System;
using System.Collections.Generic;
using ModelDsl.Generators.Diagnostics;
using ModelDsl.Generators.Model;

namespace ModelDsl.Generators.Parsing;

/// <summary>
/// Resolves the <c>[MambaMixer]</c> settings of every layer along the declaration chain and checks
/// each value against the range the runtime and the kernels support.
/// </summary>
internal static class MixerResolver
{
    public static MixerProperties[] ResolveMixers(List<DeclarationAttributes> chain, DeclaredLayerKind[] kinds, DiagnosticBag diagnostics)
    {
        var perLayer = new MixerProperties[kinds.Length];
        for (var i = 0; i < perLayer.Length; i++)
        {
            perLayer[i] = new MixerProperties();
        }

        foreach (var declaration in chain)
        {
            var global = new List<AttributeArguments>();
            var specific = new List<(AttributeArguments Attribute, List<Setting<int>> Layers)>();
            foreach (var mixer in declaration.Mixers)
            {
                CheckMixerValues(mixer, diagnostics);
                if (mixer.TryGetIntArray("Layers", out var layers) && layers.Value is not null)
                {
                    var valid = new List<Setting<int>>();
                    for (var position = 0; position < layers.Value.Length; position++)
                    {
                        var element = new Setting<int>(layers.Value[position], mixer.ElementLocation("Layers", position));
                        if (LayerChecks.CheckLayerIndex(element, "[MambaMixer] Layers", kinds.Length, diagnostics))
                        {
                            valid.Add(element);
                        }
                    }

                    specific.Add((mixer, valid));
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
                    ApplyWithoutConflict(perLayer[index], mixer, "every layer", setBy, diagnostics);
                }
            }

            var setBySpecific = new Dictionary<int, Dictionary<string, AttributeArguments>>();
            foreach (var (mixer, layers) in specific)
            {
                foreach (var element in layers)
                {
                    var index = element.Value;
                    if (kinds[index] != DeclaredLayerKind.Mamba)
                    {
                        diagnostics.Add(DiagnosticDescriptors.MixerSettingsOnNonMambaLayer, element.Location, index, kinds[index]);
                        continue;
                    }

                    if (!setBySpecific.TryGetValue(index, out var setBy))
                    {
                        setBy = new Dictionary<string, AttributeArguments>();
                        setBySpecific[index] = setBy;
                    }

                    ApplyWithoutConflict(perLayer[index], mixer, "layer " + index, setBy, diagnostics);
                }
            }
        }

        return perLayer;
    }

    /// <summary>
    /// Applies <paramref name="mixer"/> to one layer's properties and reports a property that another
    /// attribute of the same level already set. <paramref name="scope"/> names the layers in the message.
    /// </summary>
    private static void ApplyWithoutConflict(
        MixerProperties properties,
        AttributeArguments mixer,
        string scope,
        Dictionary<string, AttributeArguments> setBy,
        DiagnosticBag diagnostics)
    {
        foreach (var name in properties.Apply(mixer))
        {
            if (setBy.TryGetValue(name, out var earlier) && !ReferenceEquals(earlier, mixer))
            {
                diagnostics.Add(DiagnosticDescriptors.ConflictingMixerSettings, mixer.NamedLocation(name), name, scope);
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

    public static MixerSpec BuildMixer(MixerProperties properties, int dModel, GlobalSelectionSpec? globalSelection, DiagnosticBag diagnostics)
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
}
