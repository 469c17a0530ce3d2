using ModelDsl.Generators.Model;

namespace ModelDsl.Generators.Parsing;

/// <summary>Model-level settings and layers after the declaration chain is merged and validated.</summary>
internal sealed record ResolvedModel(int VocabSize, int DModel, bool TieEmbeddings, double NormEps, EquatableArray<LayerSpec> Layers);
