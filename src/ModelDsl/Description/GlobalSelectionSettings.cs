namespace ModelDsl;

/// <summary>Global selection settings of one mixer.</summary>
/// <param name="KernelSize">Kernel size of the depthwise causal long convolution, in time steps.</param>
/// <param name="Variant">How the convolution output enters the mixer.</param>
public sealed record GlobalSelectionSettings(int KernelSize, GlobalSelectionVariant Variant);
