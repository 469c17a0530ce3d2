namespace ModelDsl;

/// <summary>
/// Kind of one residual layer. New kinds (attention) are added as new members, so existing
/// declarations keep compiling. The value 0 is not a kind, so a missing kind is detected.
/// </summary>
public enum LayerKind
{
    /// <summary>A Mamba (S6) selective-scan mixer.</summary>
    Mamba = 1,

    /// <summary>
    /// A pre-norm MLP block: RMSNorm, then <c>fc1</c> (d_model → 4 · d_model), GELU and <c>fc2</c>
    /// (4 · d_model → d_model). It has no step size Δ, so global selection cannot apply to it.
    /// </summary>
    Mlp = 2,
}
