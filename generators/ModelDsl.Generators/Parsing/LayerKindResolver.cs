using System;
using System.Collections.Generic;
using ModelDsl.Generators.Diagnostics;
using ModelDsl.Generators.Model;

namespace ModelDsl.Generators.Parsing;

/// <summary>Resolves the kind of every layer from <c>[MambaModel(LayerKind = ...)]</c> and <c>[Layer]</c> attributes.</summary>
internal static class LayerKindResolver
{
    public static DeclaredLayerKind[] ResolveLayerKinds(
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

                var indexValid = LayerChecks.CheckLayerIndex(index, "[Layer]", layerCount, diagnostics);
                var kindValid = LayerChecks.CheckLayerKind(kind, diagnostics);
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
}
