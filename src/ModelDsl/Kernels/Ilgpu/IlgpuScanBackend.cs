using System.Runtime.CompilerServices;
using ILGPU;
using ILGPU.Runtime;
using static TorchSharp.torch;

namespace ModelDsl.Kernels.Ilgpu;

/// <summary>
/// Runs the generated ILGPU scan kernels on one accelerator: CUDA when ILGPU finds a device, otherwise
/// ILGPU's CPU accelerator. Tensors stay TorchSharp CPU tensors on both sides of the call.
/// </summary>
/// <remarks>
/// Calls may come from several threads, so each call binds the accelerator to its thread (CUDA needs its
/// context current there) and calls on one accelerator run one at a time.
/// </remarks>
internal sealed class IlgpuScanBackend : IScanBackend
{
    private static readonly ConditionalWeakTable<Accelerator, object> launchLocks = new();

    private readonly Accelerator accelerator;
    private readonly bool forceCopies;
    private readonly object launchLock;

    /// <summary>Creates a backend on <paramref name="accelerator"/>, which must outlive the backend.</summary>
    /// <param name="accelerator">Accelerator that runs the kernels.</param>
    /// <param name="forceCopies">
    /// Whether to copy tensors to and from accelerator memory even on the CPU accelerator, as the CUDA
    /// path does, so tests can exercise that path on machines without a GPU.
    /// </param>
    public IlgpuScanBackend(Accelerator accelerator, bool forceCopies = false)
    {
        ArgumentNullException.ThrowIfNull(accelerator);
        this.accelerator = accelerator;
        this.forceCopies = forceCopies;
        launchLock = launchLocks.GetValue(accelerator, _ => new object());
    }

    /// <summary>Creates a backend on the CUDA accelerator when there is one, else on ILGPU's CPU accelerator.</summary>
    public static IlgpuScanBackend CreatePreferred() => new(IlgpuRuntime.PreferredAccelerator);

    /// <summary>Creates a backend on ILGPU's CPU accelerator, which simulates GPU threads (slowly) on CPU cores.</summary>
    public static IlgpuScanBackend CreateCpu() => new(IlgpuRuntime.CpuAccelerator);

    /// <inheritdoc />
    public string Name => accelerator.AcceleratorType == AcceleratorType.Cuda ? "ilgpu-cuda" : "ilgpu-cpu";

    /// <inheritdoc />
    /// <remarks><c>Saved</c> contains the state entering each chunk, (chunk count, N, B·E); see <see cref="IlgpuScanChunking"/>.</remarks>
    public (Tensor Output, Tensor Saved) Forward(SelectiveScanKernel kernel, ScanInputs inputs)
    {
        var shapes = IlgpuScanShapes.Check(kernel, inputs);
        lock (launchLock)
        {
            using var binding = accelerator.BindScoped();
            return RunForward(IlgpuKernelCache.Get(accelerator, kernel), inputs, shapes);
        }
    }

    /// <inheritdoc />
    public ScanGradients Backward(SelectiveScanKernel kernel, ScanInputs inputs, Tensor saved, Tensor outputGradient)
    {
        var shapes = IlgpuScanShapes.Check(kernel, inputs);
        IlgpuScanShapes.RequireShape(saved, "saved", shapes.ChunkStatesShape, "(chunk count, d_state, batch·channels) from this backend's Forward");
        IlgpuScanShapes.RequireShape(outputGradient, "outputGradient", inputs.X.shape, "(batch, length, channels)");
        lock (launchLock)
        {
            using var binding = accelerator.BindScoped();
            return RunBackward(IlgpuKernelCache.Get(accelerator, kernel), inputs, saved, outputGradient, shapes);
        }
    }

    private (Tensor Output, Tensor Saved) RunForward(LoadedScanKernels kernels, ScanInputs inputs, IlgpuScanShapes shapes)
    {
        // The kernels compute gradients themselves, so nothing here may extend an autograd graph.
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        using var binder = new IlgpuTensorBinder(accelerator, forceCopies);
        var output = empty(shapes.Batch, shapes.Length, shapes.Channels, dtype: ScalarType.Float32);
        var chunkStates = empty(shapes.ChunkStatesShape, dtype: ScalarType.Float32);

        var arguments = new IlgpuScanForwardArguments
        {
            X = binder.BindInput(inputs.X.contiguous()),
            DeltaPre = binder.BindInput(inputs.DeltaPre.contiguous()),
            DeltaBias = binder.BindInput(inputs.DeltaBias.contiguous()),
            ALog = binder.BindInput(inputs.ALog.contiguous()),
            B = binder.BindInput(inputs.B.contiguous()),
            C = binder.BindInput(inputs.C.contiguous()),
            D = binder.BindInput(inputs.D.contiguous()),
            Z = binder.BindInput(inputs.Z.contiguous()),
            G = inputs.G is null ? ArrayView<float>.Empty : binder.BindInput(inputs.G.contiguous()),
            Output = binder.BindOutput(output),
            ChunkStates = binder.BindOutput(chunkStates),
            Batch = shapes.Batch,
            Length = shapes.Length,
            Channels = shapes.Channels,
            ChunkLength = shapes.ChunkLength,
        };

        kernels.Forward(accelerator.DefaultStream, shapes.Threads, arguments);
        binder.CopyOutputsToHost();
        return (output.MoveToOuterDisposeScope(), chunkStates.MoveToOuterDisposeScope());
    }

    private ScanGradients RunBackward(LoadedScanKernels kernels, ScanInputs inputs, Tensor saved, Tensor outputGradient, IlgpuScanShapes shapes)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        using var binder = new IlgpuTensorBinder(accelerator, forceCopies);
        var gradients = new ScanGradients(
            X: empty_like(inputs.X, dtype: ScalarType.Float32),
            DeltaPre: empty_like(inputs.DeltaPre, dtype: ScalarType.Float32),
            DeltaBias: zeros(shapes.Channels, dtype: ScalarType.Float32),
            ALog: zeros(shapes.Channels, shapes.DState, dtype: ScalarType.Float32),
            B: zeros(shapes.Batch, shapes.Length, shapes.DState, dtype: ScalarType.Float32),
            C: zeros(shapes.Batch, shapes.Length, shapes.DState, dtype: ScalarType.Float32),
            D: zeros(shapes.Channels, dtype: ScalarType.Float32),
            Z: empty_like(inputs.Z, dtype: ScalarType.Float32),
            G: inputs.G is null ? null : empty_like(inputs.G, dtype: ScalarType.Float32));

        long scratchLength = (long)shapes.ChunkLength * shapes.DState * shapes.Threads;
        var arguments = new IlgpuScanBackwardArguments
        {
            X = binder.BindInput(inputs.X.contiguous()),
            DeltaPre = binder.BindInput(inputs.DeltaPre.contiguous()),
            DeltaBias = binder.BindInput(inputs.DeltaBias.contiguous()),
            ALog = binder.BindInput(inputs.ALog.contiguous()),
            B = binder.BindInput(inputs.B.contiguous()),
            C = binder.BindInput(inputs.C.contiguous()),
            D = binder.BindInput(inputs.D.contiguous()),
            Z = binder.BindInput(inputs.Z.contiguous()),
            G = inputs.G is null ? ArrayView<float>.Empty : binder.BindInput(inputs.G.contiguous()),
            OutputGradient = binder.BindInput(outputGradient.contiguous()),
            ChunkStates = binder.BindInput(saved.contiguous()),
            Scratch = binder.Allocate(scratchLength),
            XGradient = binder.BindOutput(gradients.X),
            DeltaPreGradient = binder.BindOutput(gradients.DeltaPre),
            DeltaBiasGradient = binder.BindOutput(gradients.DeltaBias),
            ALogGradient = binder.BindOutput(gradients.ALog),
            BGradient = binder.BindOutput(gradients.B),
            CGradient = binder.BindOutput(gradients.C),
            DGradient = binder.BindOutput(gradients.D),
            ZGradient = binder.BindOutput(gradients.Z),
            GGradient = gradients.G is null ? ArrayView<float>.Empty : binder.BindOutput(gradients.G),
            Batch = shapes.Batch,
            Length = shapes.Length,
            Channels = shapes.Channels,
            ChunkLength = shapes.ChunkLength,
        };

        kernels.Backward(accelerator.DefaultStream, shapes.Threads, arguments);
        binder.CopyOutputsToHost();
        return new ScanGradients(
            gradients.X.MoveToOuterDisposeScope(),
            gradients.DeltaPre.MoveToOuterDisposeScope(),
            gradients.DeltaBias.MoveToOuterDisposeScope(),
            gradients.ALog.MoveToOuterDisposeScope(),
            gradients.B.MoveToOuterDisposeScope(),
            gradients.C.MoveToOuterDisposeScope(),
            gradients.D.MoveToOuterDisposeScope(),
            gradients.Z.MoveToOuterDisposeScope(),
            gradients.G?.MoveToOuterDisposeScope());
    }
}
