using ModelDsl.Kernels.Ilgpu;

namespace ModelDsl.Kernels;

public abstract partial class SelectiveScanKernel
{
    /// <summary>
    /// The generated ILGPU forward and backward kernels of this configuration, which
    /// <see cref="IlgpuScanBackend"/> compiles once per accelerator.
    /// </summary>
    public abstract IlgpuScanKernelMethods IlgpuKernels { get; }
}
