namespace ModelDsl.Generators.Model;

/// <summary>Resolved global selection settings of one mixer.</summary>
/// <param name="KernelSize">Kernel size of the depthwise causal long convolution, in time steps.</param>
/// <param name="Mode">How the convolution output enters the scan; never <see cref="ScanMode.Plain"/>.</param>
internal sealed record GlobalSelectionSpec(int KernelSize, ScanMode Mode);
