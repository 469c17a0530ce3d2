using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using ILGPU.Runtime.Cuda;

namespace ModelDsl.Kernels.Ilgpu;

/// <summary>
/// The process-wide ILGPU context and its accelerators, created on first use. ILGPU contexts are costly
/// (each owns a compiler and a kernel cache), so the process keeps one and never disposes it.
/// </summary>
internal static class IlgpuRuntime
{
    private static readonly Lazy<Context> context = new(CreateContext, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<Accelerator?> cudaAccelerator = new(CreateCudaAccelerator, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<Accelerator> cpuAccelerator = new(CreateCpuAccelerator, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The shared context, with ILGPU.Algorithms enabled so kernels can use <c>XMath</c>.</summary>
    public static Context Context => context.Value;

    /// <summary>Whether ILGPU found a CUDA device in this process.</summary>
    public static bool HasCuda => cudaAccelerator.Value is not null;

    /// <summary>The first CUDA device, or <c>null</c> when ILGPU finds none (no GPU or no CUDA driver).</summary>
    public static Accelerator? CudaAccelerator => cudaAccelerator.Value;

    /// <summary>ILGPU's CPU accelerator, which runs the same kernels by simulating GPU threads on CPU cores.</summary>
    public static Accelerator CpuAccelerator => cpuAccelerator.Value;

    /// <summary>Returns the CUDA accelerator when there is one, else the CPU accelerator.</summary>
    public static Accelerator PreferredAccelerator => CudaAccelerator ?? CpuAccelerator;

    private static Context CreateContext()
        => Context.Create(builder => builder.Cuda().CPU().EnableAlgorithms());

    private static Accelerator? CreateCudaAccelerator()
    {
        var devices = Context.GetCudaDevices();
        return devices.Count == 0 ? null : devices[0].CreateAccelerator(Context);
    }

    private static Accelerator CreateCpuAccelerator() => Context.CreateCPUAccelerator(0);
}
