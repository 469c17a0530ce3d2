using TorchSharp;
using static TorchSharp.torch;

namespace ModelDsl.Kernels;

/// <summary>Shape, dtype and mode checks shared by every scan backend.</summary>
internal static class ScanInputValidation
{
    /// <summary>
    /// Checks that <paramref name="inputs"/> fit <paramref name="kernel"/>: float32 tensors on one
    /// device, shapes as documented on <see cref="ScanInputs"/> with N equal to the kernel's d_state,
    /// and <c>g</c> given exactly when the kernel's global selection mode needs it.
    /// </summary>
    /// <exception cref="ArgumentException">The message names the tensor and the expected and actual value.</exception>
    public static void Validate(SelectiveScanKernel kernel, ScanInputs inputs, GlobalSelectionVariant variant)
    {
        ValidateMode(kernel, inputs.G, variant);

        RequireFloat32(inputs.X, "x");
        if (inputs.X.dim() != 3)
        {
            throw new ArgumentException(
                $"x must have shape (batch, length, channels), but it has rank {inputs.X.dim()} and shape {Format(inputs.X.shape)}.", "x");
        }

        var batch = inputs.X.shape[0];
        var length = inputs.X.shape[1];
        var channels = inputs.X.shape[2];
        var dState = kernel.DState;

        RequireShape(inputs.DeltaPre, "deltaPre", batch, length, channels);
        RequireShape(inputs.DeltaBias, "deltaBias", channels);
        RequireShape(inputs.ALog, "aLog", channels, dState);
        RequireShape(inputs.B, "b", batch, length, dState);
        RequireShape(inputs.C, "c", batch, length, dState);
        RequireShape(inputs.D, "d", channels);
        RequireShape(inputs.Z, "z", batch, length, channels);
        if (inputs.G is not null)
        {
            RequireShape(inputs.G, "g", batch, length, channels);
        }

        foreach (var (tensor, name) in Enumerate(inputs))
        {
            if (tensor.device_type != inputs.X.device_type)
            {
                throw new ArgumentException(
                    $"{name} is on device {tensor.device}, but x is on {inputs.X.device}; move every scan input to one device.", name);
            }
        }
    }

    /// <summary>Returns each present input with its parameter name.</summary>
    public static IEnumerable<(Tensor Tensor, string Name)> Enumerate(ScanInputs inputs)
    {
        yield return (inputs.X, "x");
        yield return (inputs.DeltaPre, "deltaPre");
        yield return (inputs.DeltaBias, "deltaBias");
        yield return (inputs.ALog, "aLog");
        yield return (inputs.B, "b");
        yield return (inputs.C, "c");
        yield return (inputs.D, "d");
        yield return (inputs.Z, "z");
        if (inputs.G is not null)
        {
            yield return (inputs.G, "g");
        }
    }

    private static void ValidateMode(SelectiveScanKernel kernel, Tensor? g, GlobalSelectionVariant variant)
    {
        var kernelName = kernel.GetType().Name;
        if (kernel.GlobalSelection is null)
        {
            if (g is not null)
            {
                throw new ArgumentException(
                    $"Kernel {kernelName} was generated without global selection, so g must be null; declare [GlobalSelection] on the model to use g.", "g");
            }

            return;
        }

        if (g is null)
        {
            throw new ArgumentNullException(
                "g", $"Kernel {kernelName} was generated for global selection {kernel.GlobalSelection}, so g (the long-convolution output) is required.");
        }

        if (variant != kernel.GlobalSelection)
        {
            throw new ArgumentException(
                $"Kernel {kernelName} was generated for global selection {kernel.GlobalSelection}, but variant {variant} was passed.", "variant");
        }
    }

    private static void RequireFloat32(Tensor tensor, string name)
    {
        ArgumentNullException.ThrowIfNull(tensor, name);
        if (tensor.dtype != ScalarType.Float32)
        {
            throw new ArgumentException($"{name} must be float32, but it is {tensor.dtype}; convert it with .to(float32).", name);
        }
    }

    private static void RequireShape(Tensor tensor, string name, params long[] expected)
    {
        RequireFloat32(tensor, name);
        if (!tensor.shape.SequenceEqual(expected))
        {
            throw new ArgumentException($"{name} must have shape {Format(expected)}, but it has shape {Format(tensor.shape)}.", name);
        }
    }

    private static string Format(long[] shape) => "(" + string.Join(", ", shape) + ")";
}
