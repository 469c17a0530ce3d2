using static TorchSharp.torch;

namespace ModelDsl.Kernels;

/// <summary>Gradients of a selective scan with respect to each of its <see cref="ScanInputs"/>, same shapes.</summary>
public sealed record ScanGradients(
    Tensor X,
    Tensor DeltaPre,
    Tensor DeltaBias,
    Tensor ALog,
    Tensor B,
    Tensor C,
    Tensor D,
    Tensor Z,
    Tensor? G);
