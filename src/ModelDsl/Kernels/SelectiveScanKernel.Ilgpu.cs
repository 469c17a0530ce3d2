using ModelDsl.Kernels.Ilgpu;

namespace ModelDsl.Kernels;

public abstract partial class SelectiveScanKernel
{
    /// <summary>
    /// The generated ILGPU forward and backward kernels of this configuration, which
    /// <see cref="IlgpuScanBackend"/> compiles once per accelerator. Every generated kernel class overrides it.
    /// </summary>
    /// <exception cref="NotSupportedException">This class is not generated, such as a test stand-in.</exception>
    // Virtual rather than abstract so hand-written stand-ins for the reference path need not implement it.
    public virtual IlgpuScanKernelMethods IlgpuKernels
        => throw new NotSupportedException(
            $"{GetType().Name} has no ILGPU kernels because it is not a generated kernel class; use a kernel from a [MambaModel] declaration or the reference scan path.");
}
