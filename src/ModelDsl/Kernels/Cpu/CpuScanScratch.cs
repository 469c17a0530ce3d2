using System.Runtime.InteropServices;

namespace ModelDsl.Kernels.Cpu;

/// <summary>
/// Native scratch memory of the CPU scan, kept per calling thread and grown on demand. Repeated calls
/// reuse its pages instead of faulting in fresh ones. It also keeps TorchSharp allocations and fills,
/// which would wake TorchSharp's OpenMP threads, away from the moments just before a kernel. The memory is 64-byte aligned and
/// not zeroed; it is freed when the thread's instance is collected.
/// </summary>
internal sealed unsafe class CpuScanScratch
{
    private const int Alignment = 64;

    /// <summary>Largest block kept between calls, 64 MiB; a larger one is freed after its call.</summary>
    private const long KeptFloats = 16L * 1024 * 1024;

    [ThreadStatic]
    private static CpuScanScratch? current;

    private void* memory;
    private long capacity;

    /// <summary>The scratch of the calling thread.</summary>
    public static CpuScanScratch Current => current ??= new CpuScanScratch();

    ~CpuScanScratch()
    {
        NativeMemory.AlignedFree(memory);
    }

    /// <summary>
    /// Returns at least <paramref name="floats"/> floats. The contents are undefined, and the previous
    /// contents are lost when the buffer grows.
    /// </summary>
    public NativeFloatBuffer Rent(long floats)
    {
        if (floats > capacity)
        {
            NativeMemory.AlignedFree(memory);
            memory = null;
            capacity = 0;
            memory = NativeMemory.AlignedAlloc(checked((nuint)(floats * sizeof(float))), Alignment);
            capacity = floats;
        }

        return new NativeFloatBuffer((nint)memory);
    }

    /// <summary>
    /// Frees the block if it is larger than 64 MiB, so a thread that once ran a large backward does not
    /// keep that memory for its lifetime. Call it when no buffer from <see cref="Rent"/> is in use.
    /// </summary>
    public void Trim()
    {
        if (capacity > KeptFloats)
        {
            NativeMemory.AlignedFree(memory);
            memory = null;
            capacity = 0;
        }
    }
}
