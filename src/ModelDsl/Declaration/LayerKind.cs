namespace ModelDsl;

/// <summary>
/// Kind of one residual layer. New kinds (attention, MLP) are added as new members, so existing
/// declarations keep compiling. The value 0 is not a kind, so a missing kind is detected.
/// </summary>
public enum LayerKind
{
    /// <summary>A Mamba (S6) selective-scan mixer.</summary>
    Mamba = 1,
}
