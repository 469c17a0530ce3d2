using System;
using System.Collections.Generic;
using ModelDsl.Generators.Diagnostics;
using ModelDsl.Generators.Model;

namespace ModelDsl.Generators.Parsing;

/// <summary>Resolves which layers get the global selection module, with which kernel size and variant.</summary>
internal static class GlobalSelectionResolver
{
    private const int DefaultGlobalSelectionKernelSize = 128;

    /// <summary>Returns, per layer, the global selection settings of its mixer or <c>null</c>.</summary>
    public static GlobalSelectionSpec?[] ResolveGlobalSelection(List<DeclarationAttributes> chain, DeclaredLayerKind[] kinds, DiagnosticBag diagnostics)
    {
        var perLayer = new GlobalSelectionSpec?[kinds.Length];
        var present = false;
        var enabled = true;
        var kernelSize = DefaultGlobalSelectionKernelSize;
        var mode = ScanMode.GateDelta;
        List<Setting<int>>? layers = null;

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
                layers = ReadLayerList(attribute, layerSetting.Value, kinds.Length, diagnostics);
            }
        }

        if (!present || !enabled)
        {
            return perLayer;
        }

        var spec = new GlobalSelectionSpec(kernelSize, mode);
        if (layers is null)
        {
            for (var index = 0; index < kinds.Length; index++)
            {
                perLayer[index] = kinds[index] == DeclaredLayerKind.Mamba ? spec : null;
            }

            return perLayer;
        }

        foreach (var element in layers)
        {
            var index = element.Value;
            if (kinds[index] != DeclaredLayerKind.Mamba)
            {
                diagnostics.Add(DiagnosticDescriptors.GlobalSelectionOnLayerWithoutDelta, element.Location, index, kinds[index]);
                continue;
            }

            perLayer[index] = spec;
        }

        return perLayer;
    }

    /// <summary>
    /// Returns the listed layers that are in range, each with its own location, or <c>null</c>
    /// for an explicit <c>Layers = null</c>, which means every Mamba layer.
    /// </summary>
    private static List<Setting<int>>? ReadLayerList(AttributeArguments attribute, int[]? indices, int layerCount, DiagnosticBag diagnostics)
    {
        if (indices is null)
        {
            return null;
        }

        var valid = new List<Setting<int>>();
        for (var position = 0; position < indices.Length; position++)
        {
            var element = new Setting<int>(indices[position], attribute.ElementLocation("Layers", position));
            if (LayerChecks.CheckLayerIndex(element, "[GlobalSelection] Layers", layerCount, diagnostics))
            {
                valid.Add(element);
            }
        }

        return valid;
    }
}
