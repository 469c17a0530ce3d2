using ILGPU;
using ILGPU.Runtime;

namespace ModelDsl.Kernels.Ilgpu;

/// <summary>The forward and backward kernel of one generated kernel class, compiled for one accelerator.</summary>
/// <param name="Forward">Launches the forward kernel on a stream.</param>
/// <param name="Backward">Launches the backward kernel on a stream.</param>
internal sealed record LoadedScanKernels(
    Action<AcceleratorStream, Index1D, IlgpuScanForwardArguments> Forward,
    Action<AcceleratorStream, Index1D, IlgpuScanBackwardArguments> Backward);
