using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using static TorchSharp.torch;

namespace ModelDsl.Kernels.Ilgpu;

/// <summary>
/// Makes TorchSharp tensors visible to ILGPU kernels as <see cref="ArrayView{T}"/>s for one launch. On the
/// CPU accelerator a view wraps the tensor's own memory, so nothing is copied. On CUDA each tensor is
/// copied into device memory and outputs are copied back by <see cref="CopyOutputsToHost"/>, because the
/// TorchSharp-cpu package keeps every tensor in pageable host memory that CUDA kernels cannot address.
/// </summary>
/// <remarks>Every bound tensor must be a contiguous float32 CPU tensor and stay alive until disposal.</remarks>
internal sealed class IlgpuTensorBinder : IDisposable
{
    private readonly Accelerator accelerator;
    private readonly List<MemoryBuffer> buffers = [];
    private readonly List<(Tensor Host, MemoryBuffer1D<float, Stride1D.Dense> Device)> outputs = [];

    /// <param name="accelerator">Accelerator that the views are for.</param>
    /// <param name="forceCopies">
    /// Copy tensors into accelerator memory even on the CPU accelerator, so tests can run the CUDA path's
    /// copies without a GPU.
    /// </param>
    public IlgpuTensorBinder(Accelerator accelerator, bool forceCopies = false)
    {
        this.accelerator = accelerator;
        WrapsHostMemory = accelerator.AcceleratorType == AcceleratorType.CPU && !forceCopies;
    }

    /// <summary>Whether views wrap the tensors' own memory rather than copies of it.</summary>
    public bool WrapsHostMemory { get; }

    /// <summary>Returns a view of <paramref name="tensor"/> that kernels read.</summary>
    public ArrayView<float> BindInput(Tensor tensor)
    {
        if (WrapsHostMemory)
        {
            return Wrap(tensor);
        }

        return CopyToDevice(tensor).View;
    }

    /// <summary>
    /// Returns a view of <paramref name="tensor"/> that kernels write, starting from the tensor's current
    /// contents (zero-fill it first where kernels accumulate).
    /// </summary>
    public ArrayView<float> BindOutput(Tensor tensor)
    {
        if (WrapsHostMemory)
        {
            return Wrap(tensor);
        }

        var device = CopyToDevice(tensor);
        outputs.Add((tensor, device));
        return device.View;
    }

    /// <summary>Allocates accelerator memory of <paramref name="length"/> floats that lives until disposal.</summary>
    public ArrayView<float> Allocate(long length)
    {
        var buffer = accelerator.Allocate1D<float>(Math.Max(1, length));
        buffers.Add(buffer);
        return buffer.View;
    }

    /// <summary>Waits for the kernels, then copies every bound output back into its tensor unless views wrap tensor memory.</summary>
    public unsafe void CopyOutputsToHost()
    {
        accelerator.Synchronize();
        foreach (var (host, device) in outputs)
        {
            device.View.CopyToCPU(ref FirstElement(host), host.numel());
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var buffer in buffers)
        {
            buffer.Dispose();
        }

        buffers.Clear();
        outputs.Clear();
    }

    private unsafe ArrayView<float> Wrap(Tensor tensor)
    {
        var pointer = (IntPtr)Unsafe.AsPointer(ref FirstElement(tensor));
        var buffer = CPUMemoryBuffer.Create(accelerator, pointer, tensor.numel(), sizeof(float));
        buffers.Add(buffer);
        return buffer.AsArrayView<float>(0, tensor.numel());
    }

    private unsafe MemoryBuffer1D<float, Stride1D.Dense> CopyToDevice(Tensor tensor)
    {
        var device = accelerator.Allocate1D<float>(tensor.numel());
        buffers.Add(device);
        device.View.CopyFromCPU(ref FirstElement(tensor), tensor.numel());
        return device;
    }

    /// <summary>Returns a reference to the first float of a contiguous CPU tensor's storage.</summary>
    /// <remarks>
    /// TorchSharp 0.107 has no <c>data_ptr()</c>, so this takes the address from the <see cref="Span{T}"/>
    /// <c>Tensor.bytes</c>, which limits one tensor to <see cref="int.MaxValue"/> bytes.
    /// </remarks>
    private static ref float FirstElement(Tensor tensor)
    {
        if (tensor.numel() * sizeof(float) > int.MaxValue)
        {
            throw new ArgumentException(
                $"A tensor of {tensor.numel()} floats exceeds the 2 GiB that TorchSharp's Tensor.bytes can expose; split the batch.",
                nameof(tensor));
        }

        return ref MemoryMarshal.GetReference(MemoryMarshal.Cast<byte, float>(tensor.bytes));
    }
}
