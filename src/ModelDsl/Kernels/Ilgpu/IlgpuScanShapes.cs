using TorchSharp;
using static TorchSharp.torch;

namespace ModelDsl.Kernels.Ilgpu;

/// <summary>
/// Sizes of one ILGPU scan launch, read from and checked against <see cref="ScanInputs"/>. The kernels index
/// flat memory, so a wrong shape, dtype or device would read out of bounds; each check names the tensor.
/// </summary>
/// <param name="Batch">Batch size B.</param>
/// <param name="Length">Sequence length L.</param>
/// <param name="Channels">Channel count E.</param>
/// <param name="DState">State size N.</param>
internal sealed record IlgpuScanShapes(int Batch, int Length, int Channels, int DState)
{
    /// <summary>Number of kernel threads, one per (batch, channel).</summary>
    public int Threads => Batch * Channels;

    /// <summary>Time steps per chunk of saved states.</summary>
    public int ChunkLength => IlgpuScanChunking.ChunkLength(Length);

    /// <summary>Shape of the saved chunk states, (chunk count, N, B·E).</summary>
    public long[] ChunkStatesShape => [IlgpuScanChunking.ChunkCount(Length), DState, Threads];

    /// <summary>Reads the sizes from <paramref name="inputs"/> and checks every tensor against them.</summary>
    /// <exception cref="ArgumentException">A tensor has the wrong shape, dtype or device, or g does not match the kernel.</exception>
    public static IlgpuScanShapes Check(SelectiveScanKernel kernel, ScanInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        ArgumentNullException.ThrowIfNull(inputs);

        RequireFloatCpu(inputs.X, "X");
        if (inputs.X.dim() != 3)
        {
            throw new ArgumentException(
                $"ScanInputs.X must be (batch, length, channels) but has shape {Format(inputs.X.shape)}.", nameof(inputs));
        }

        var shapes = new IlgpuScanShapes(
            ToInt(inputs.X.shape[0], "batch size"),
            ToInt(inputs.X.shape[1], "sequence length"),
            ToInt(inputs.X.shape[2], "channel count"),
            kernel.DState);
        if (shapes.Batch == 0 || shapes.Length == 0 || shapes.Channels == 0)
        {
            throw new ArgumentException(
                $"ScanInputs.X must have a non-zero batch size, length and channel count but has shape {Format(inputs.X.shape)}.",
                nameof(inputs));
        }

        if ((long)shapes.Batch * shapes.Channels > int.MaxValue)
        {
            throw new ArgumentException(
                $"Batch size × channels = {(long)shapes.Batch * shapes.Channels} exceeds {int.MaxValue}, the most threads one ILGPU scan launch supports; split the batch.",
                nameof(inputs));
        }

        long[] activation = [shapes.Batch, shapes.Length, shapes.Channels];
        long[] projection = [shapes.Batch, shapes.Length, shapes.DState];
        RequireShape(inputs.DeltaPre, "DeltaPre", activation, "(batch, length, channels)");
        RequireShape(inputs.DeltaBias, "DeltaBias", [shapes.Channels], "(channels)");
        RequireShape(inputs.ALog, "ALog", [shapes.Channels, shapes.DState], $"(channels, d_state = {shapes.DState} of {kernel.GetType().Name})");
        RequireShape(inputs.B, "B", projection, "(batch, length, d_state)");
        RequireShape(inputs.C, "C", projection, "(batch, length, d_state)");
        RequireShape(inputs.D, "D", [shapes.Channels], "(channels)");
        RequireShape(inputs.Z, "Z", activation, "(batch, length, channels)");

        var variant = kernel.GlobalSelection;
        if (variant is null && inputs.G is not null)
        {
            throw new ArgumentException(
                $"ScanInputs.G is set but {kernel.GetType().Name} has no global selection input; pass G = null or use a kernel generated with global selection.",
                nameof(inputs));
        }

        if (variant is not null)
        {
            if (inputs.G is null)
            {
                throw new ArgumentException(
                    $"ScanInputs.G is missing but {kernel.GetType().Name} uses global selection ({variant}); pass the long-convolution output g.",
                    nameof(inputs));
            }

            RequireShape(inputs.G, "G", activation, "(batch, length, channels)");
        }

        return shapes;
    }

    /// <summary>Checks that <paramref name="tensor"/> is a float32 CPU tensor of the expected shape.</summary>
    public static void RequireShape(Tensor tensor, string name, long[] expected, string meaning)
    {
        RequireFloatCpu(tensor, name);
        if (!tensor.shape.SequenceEqual(expected))
        {
            throw new ArgumentException(
                $"{name} must have shape {Format(expected)} {meaning} but has shape {Format(tensor.shape)}.", name);
        }
    }

    private static void RequireFloatCpu(Tensor tensor, string name)
    {
        ArgumentNullException.ThrowIfNull(tensor, name);
        if (tensor.dtype != ScalarType.Float32)
        {
            throw new ArgumentException($"{name} must be float32 but is {tensor.dtype}; convert it with .to(float32).", name);
        }

        if (tensor.device_type != DeviceType.CPU)
        {
            throw new ArgumentException($"{name} must be on the CPU but is on {tensor.device}; the ILGPU backend copies to the GPU itself.", name);
        }
    }

    private static int ToInt(long size, string what)
    {
        if (size > int.MaxValue)
        {
            throw new ArgumentException($"The {what} {size} exceeds {int.MaxValue}, the largest the ILGPU scan kernels support.");
        }

        return (int)size;
    }

    private static string Format(long[] shape) => "[" + string.Join(", ", shape) + "]";
}
