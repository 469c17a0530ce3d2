using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using ILGPU;
using ILGPU.Runtime;

namespace ModelDsl.Kernels.Ilgpu;

/// <summary>
/// Compiled ILGPU scan kernels, one pair per (accelerator, generated kernel class). Compiling a kernel takes
/// from tens of milliseconds to seconds, so each pair is compiled on first use and kept for the accelerator's
/// lifetime.
/// </summary>
internal static class IlgpuKernelCache
{
    private static readonly ConditionalWeakTable<Accelerator, ConcurrentDictionary<Type, Lazy<LoadedScanKernels>>> cache = new();

    /// <summary>Returns the compiled kernels of <paramref name="kernel"/> on <paramref name="accelerator"/>, compiling them on first use.</summary>
    public static LoadedScanKernels Get(Accelerator accelerator, SelectiveScanKernel kernel)
    {
        var perAccelerator = cache.GetValue(accelerator, _ => new ConcurrentDictionary<Type, Lazy<LoadedScanKernels>>());
        var entry = perAccelerator.GetOrAdd(
            kernel.GetType(),
            _ => new Lazy<LoadedScanKernels>(() => Load(accelerator, kernel.IlgpuKernels), LazyThreadSafetyMode.ExecutionAndPublication));
        return entry.Value;
    }

    private static LoadedScanKernels Load(Accelerator accelerator, IlgpuScanKernelMethods methods)
        => new(
            accelerator.LoadAutoGroupedKernel(methods.Forward),
            accelerator.LoadAutoGroupedKernel(methods.Backward));
}
