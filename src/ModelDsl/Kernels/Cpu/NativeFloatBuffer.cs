namespace ModelDsl.Kernels.Cpu;

/// <summary>
/// Address of contiguous float32 native memory, such as a CPU tensor's storage, for the generated CPU
/// scan kernels. The kernels index it with 64-bit offsets. They receive no length and do no bounds
/// checks. So the backend validates every shape before it builds a view.
/// </summary>
public readonly struct NativeFloatBuffer
{
    internal NativeFloatBuffer(nint address)
    {
        Address = address;
    }

    /// <summary>Start address of the memory, or zero for a missing tensor.</summary>
    public nint Address { get; }

    /// <summary>Whether the view refers to memory.</summary>
    public bool IsPresent => Address != 0;

    /// <summary>Returns a view that starts <paramref name="elements"/> floats further on.</summary>
    internal unsafe NativeFloatBuffer Offset(long elements) => new((nint)((float*)Address + elements));

    /// <summary>Reads or writes the element at <paramref name="index"/>.</summary>
    public unsafe float this[long index]
    {
        get => ((float*)Address)[index];
        set => ((float*)Address)[index] = value;
    }
}
