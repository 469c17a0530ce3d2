namespace ModelDsl;

/// <summary>Which selective-scan implementation a model's mixers use.</summary>
public enum ScanPath
{
    /// <summary>The generated fused kernels behind a custom autograd function.</summary>
    Fused = 0,

    /// <summary>The sequential scan in TorchSharp operations, kept for checks and ablations.</summary>
    Reference = 1,
}
