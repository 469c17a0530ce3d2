namespace ModelDsl.Kernels;

/// <summary>Which implementation runs the fused scan kernels.</summary>
public enum ScanBackendKind
{
    /// <summary>ILGPU on CUDA when a CUDA device exists, else <see cref="CpuVectorised"/>.</summary>
    Auto = 0,

    /// <summary>The generated SIMD C# kernels on all CPU cores.</summary>
    CpuVectorised = 1,

    /// <summary>The ILGPU kernels on ILGPU's CPU accelerator, a slow simulator meant for tests.</summary>
    IlgpuCpu = 2,

    /// <summary>The ILGPU kernels on a CUDA device.</summary>
    IlgpuCuda = 3,
}
