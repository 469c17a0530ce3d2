using ILGPU;

namespace ModelDsl.Kernels.Ilgpu;

/// <summary>
/// The static ILGPU kernel methods of one generated selective-scan kernel class, as typed delegates that
/// the runtime hands to ILGPU for compilation. Each thread of a launch handles one (batch, channel) pair.
/// </summary>
/// <param name="Forward">Forward kernel, launched over B·E threads.</param>
/// <param name="Backward">Backward kernel, launched over B·E threads.</param>
public sealed record IlgpuScanKernelMethods(
    Action<Index1D, IlgpuScanForwardArguments> Forward,
    Action<Index1D, IlgpuScanBackwardArguments> Backward);
