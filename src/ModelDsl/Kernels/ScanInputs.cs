using static TorchSharp.torch;

namespace ModelDsl.Kernels;

/// <summary>
/// Inputs of one selective scan, float32, activations in (batch, length, channels) layout.
/// </summary>
/// <param name="X">Scan input x, (B, L, E).</param>
/// <param name="DeltaPre">Δ before its bias, <c>W_dt · δ_low</c>, (B, L, E).</param>
/// <param name="DeltaBias">Δ bias <c>b_dt</c>, (E).</param>
/// <param name="ALog"><c>A_log</c>, (E, N).</param>
/// <param name="B">Input matrix B, (B, L, N).</param>
/// <param name="C">Output matrix C, (B, L, N).</param>
/// <param name="D">Skip weight D, (E).</param>
/// <param name="Z">Gate branch z, (B, L, E).</param>
/// <param name="G">Global selection long-convolution output, (B, L, E), or <c>null</c> without the module.</param>
public sealed record ScanInputs(
    Tensor X,
    Tensor DeltaPre,
    Tensor DeltaBias,
    Tensor ALog,
    Tensor B,
    Tensor C,
    Tensor D,
    Tensor Z,
    Tensor? G);
