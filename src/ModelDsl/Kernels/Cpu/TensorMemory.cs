using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;

namespace ModelDsl.Kernels.Cpu;

/// <summary>Native addresses of CPU tensors for zero-copy kernel access.</summary>
internal static partial class TensorMemory
{
    /// <summary>
    /// Returns the address of the first element of a contiguous CPU tensor. TorchSharp 0.107 has no
    /// public data_ptr, and its <c>Tensor.bytes</c> span stops at 2 GiB, so this calls the exported
    /// <c>THSTensor_data</c> of TorchSharp's native library, which works for any size.
    /// </summary>
    /// <exception cref="ArgumentException">The tensor is not a contiguous CPU tensor.</exception>
    public static NativeFloatBuffer Address(Tensor tensor, string name)
    {
        if (tensor.device_type != DeviceType.CPU || !tensor.is_contiguous())
        {
            throw new ArgumentException($"{name} must be a contiguous CPU tensor for zero-copy access.", name);
        }

        if (tensor.NumberOfElements == 0)
        {
            return default;
        }

        var address = THSTensor_data(tensor.Handle);
        if (address == 0)
        {
            throw new InvalidOperationException($"TorchSharp returned no data address for {name}.");
        }

        return new NativeFloatBuffer(address);
    }

    [LibraryImport("LibTorchSharp")]
    private static partial nint THSTensor_data(nint handle);
}
