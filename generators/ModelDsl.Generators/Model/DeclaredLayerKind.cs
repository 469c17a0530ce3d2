namespace ModelDsl.Generators.Model;

/// <summary>
/// Layer kinds the generator can emit. Mirrors the runtime's <c>ModelDsl.LayerKind</c>, whose
/// assembly the generator cannot reference, so the numeric values must stay equal.
/// </summary>
internal enum DeclaredLayerKind
{
    /// <summary>A Mamba (S6) selective-scan mixer.</summary>
    Mamba = 1,

    /// <summary>A two-layer GELU MLP with hidden width 4 · d_model.</summary>
    Mlp = 2,
}
