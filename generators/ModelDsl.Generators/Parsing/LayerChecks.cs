using System;
using System.Collections.Generic;
using ModelDsl.Generators.Diagnostics;
using ModelDsl.Generators.Model;

namespace ModelDsl.Generators.Parsing;

/// <summary>Checks of layer indices and layer kinds shared by every attribute that names layers.</summary>
internal static class LayerChecks
{
    public static bool CheckLayerKind(Setting<int> kind, DiagnosticBag diagnostics)
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

    public static bool CheckLayerIndex(Setting<int> index, string source, int layerCount, DiagnosticBag diagnostics)
    {
        if (index.Value >= 0 && index.Value < layerCount)
        {
            return true;
        }

        diagnostics.Add(DiagnosticDescriptors.LayerIndexOutOfRange, index.Location, source, index.Value, layerCount, layerCount - 1);
        return false;
    }
}
