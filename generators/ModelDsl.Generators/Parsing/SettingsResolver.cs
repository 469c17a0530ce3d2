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
        if (model.TryGetInt("LayerKind", out var kindSetting) && LayerChecks.CheckLayerKind(kindSetting, diagnostics))
        {
            defaultKind = (DeclaredLayerKind)kindSetting.Value;
        }

        if (vocabSize is null || dModel is null || layerCount is null)
        {
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();

        var kinds = LayerKindResolver.ResolveLayerKinds(chain, layerCount.Value, defaultKind, diagnostics);
        var mixers = MixerResolver.ResolveMixers(chain, kinds, diagnostics);
        var globalSelection = GlobalSelectionResolver.ResolveGlobalSelection(chain, kinds, diagnostics);

        var layers = new List<LayerSpec>();
        for (var index = 0; index < kinds.Length; index++)
        {
            var mixer = kinds[index] == DeclaredLayerKind.Mamba
                ? MixerResolver.BuildMixer(mixers[index], dModel.Value, globalSelection[index], diagnostics)
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

}
