using System.Runtime.Intrinsics;
using Microsoft.Extensions.Logging;
using TorchSharp;
using static TorchSharp.torch;

namespace ModelDsl.Kernels.Cpu;

/// <summary>
/// Runs the generated SIMD kernels on CPU tensors: forward in parallel over (batch, channel block),
/// backward over channel blocks chunk by chunk. Forward saves only the state entering every chunk of
/// <see cref="ChunkLength"/> steps, (B, ceil(L/64), N, E) floats, and backward recomputes the states
/// inside each chunk from it. So saved memory is 1/64 of the B·L·E·N states; the scratch memory of
/// backward is described in <see cref="CpuScanBackwardLayout"/>.
/// </summary>
internal sealed class CpuScanBackend : IScanBackend
{
    /// <summary>Time steps per recompute chunk.</summary>
    public const int ChunkLength = 64;

    private static readonly ILogger Logger = ModelDslLogging.CreateLogger<CpuScanBackend>();
    private static readonly HashSet<string> ReportedCopies = [];

    /// <summary>Widest register any lane type has, in float32 lanes. Workspace buffers are sized for it.</summary>
    public const int MaxLaneWidth = 16;

    /// <summary>Widest register the kernels use on this machine, in float32 lanes.</summary>
    public static int LaneWidth =>
        Vector512.IsHardwareAccelerated ? Vector512<float>.Count
        : Vector256.IsHardwareAccelerated ? Vector256<float>.Count
        : 1;

    /// <inheritdoc />
    public string Name => "cpu-vectorised";

    /// <inheritdoc />
    public (Tensor Output, Tensor Saved) Forward(SelectiveScanKernel kernel, ScanInputs inputs)
    {
        using var scope = NewDisposeScope();
        var contiguous = MakeContiguous(inputs);
        var (batch, length, channels) = (inputs.X.shape[0], inputs.X.shape[1], inputs.X.shape[2]);
        var chunkCount = (length + ChunkLength - 1) / ChunkLength;

        var output = empty(batch, length, channels, dtype: ScalarType.Float32);
        var needsStates = ScanInputValidation.Enumerate(inputs).Any(item => item.Tensor.requires_grad);
        var chunkStates = needsStates ? empty(batch, chunkCount, kernel.DState, channels, dtype: ScalarType.Float32) : empty(0);

        var aTransposed = CpuScanScratch.Current.Rent(kernel.DState * channels);
        WriteATransposed(View(contiguous.ALog), aTransposed, channels, kernel.DState);
        var problem = Describe(contiguous, aTransposed, chunkCount) with
        {
            ChunkStates = needsStates ? View(chunkStates) : default,
            Output = View(output),
        };

        var blocks = CpuScanBlock.Plan(channels, LaneWidth);
        Parallel.For(0, batch * blocks.Length, item =>
        {
            var block = blocks[item % blocks.Length];
            kernel.RunForwardCpuBlock(in problem, item / blocks.Length, block.Channel, block.Width);
        });

        return (output.MoveToOuterDisposeScope(), chunkStates.MoveToOuterDisposeScope());
    }

    /// <inheritdoc />
    public ScanGradients Backward(SelectiveScanKernel kernel, ScanInputs inputs, Tensor saved, Tensor outputGradient)
    {
        using var scope = NewDisposeScope();
        var contiguous = MakeContiguous(inputs);
        var (batch, length, channels) = (inputs.X.shape[0], inputs.X.shape[1], inputs.X.shape[2]);
        var dState = kernel.DState;
        var chunkCount = (length + ChunkLength - 1) / ChunkLength;
        if (!saved.shape.SequenceEqual([batch, chunkCount, dState, channels]))
        {
            throw new InvalidOperationException(
                "The saved chunk states do not match the inputs; backward needs a forward run with an input that requires grad.");
        }

        var gradX = empty(batch, length, channels, dtype: ScalarType.Float32);
        var gradDeltaPre = empty(batch, length, channels, dtype: ScalarType.Float32);
        var gradZ = empty(batch, length, channels, dtype: ScalarType.Float32);
        var gradG = inputs.G is null ? null : empty(batch, length, channels, dtype: ScalarType.Float32);
        var gradDeltaBias = empty(channels, dtype: ScalarType.Float32);
        var gradALog = empty(channels, dState, dtype: ScalarType.Float32);
        var gradB = empty(batch, length, dState, dtype: ScalarType.Float32);
        var gradC = empty(batch, length, dState, dtype: ScalarType.Float32);
        var gradD = empty(channels, dtype: ScalarType.Float32);

        var blocks = CpuScanBlock.Plan(channels, LaneWidth);
        if (blocks.Length == 0 || batch == 0 || length == 0)
        {
            // Nothing to scan: every reduced gradient is an empty sum, and the others have no elements.
            foreach (var sum in new[] { gradDeltaBias, gradALog, gradB, gradC, gradD })
            {
                sum.zero_();
            }

            return Gradients(gradX, gradDeltaPre, gradDeltaBias, gradALog, gradB, gradC, gradD, gradZ, gradG);
        }

        // A unit is one batch row with one group of channel blocks: group g contains blocks g, g + groups, ….
        // There are as many groups as cores (or blocks), and units go to workers by a fixed stride.
        var groups = Math.Min(Environment.ProcessorCount, blocks.Length);
        var units = batch * groups;
        var workers = (int)Math.Min(Environment.ProcessorCount, units);
        var layout = new CpuScanBackwardLayout(batch, length, channels, dState, ChunkLength, (blocks.Length + groups - 1) / groups, workers);
        var scratch = CpuScanScratch.Current.Rent(layout.TotalFloats);
        var aTransposed = layout.ATransposed(scratch);
        WriteATransposed(View(contiguous.ALog), aTransposed, channels, dState);
        var problem = Describe(contiguous, aTransposed, chunkCount) with
        {
            ChunkStates = View(saved.contiguous()),
            OutputGradient = View(outputGradient.to_type(ScalarType.Float32).contiguous()),
            GradX = View(gradX),
            GradDeltaPre = View(gradDeltaPre),
            GradZ = View(gradZ),
            GradG = gradG is null ? default : View(gradG),
        };

        // A worker runs each of its units chunk by chunk, so the lane terms of B and C for one chunk add up
        // over all the unit's blocks before their lane sums are taken. The fixed assignment of units to
        // workers keeps the summation order, and so the result, reproducible.
        Parallel.For(0, workers, worker =>
        {
            // Each worker clears its own partial sums, so no TorchSharp fill runs before the kernels.
            layout.ClearPartialSums(scratch, worker);
            for (long unit = worker; unit < units; unit += workers)
            {
                var (row, group) = (unit / groups, (int)(unit % groups));
                for (var chunk = chunkCount - 1; chunk >= 0; chunk--)
                {
                    layout.ClearTerms(scratch, worker);
                    for (int index = group, slot = 0; index < blocks.Length; index += groups, slot++)
                    {
                        var workspace = layout.Workspace(scratch, worker, slot);
                        var block = blocks[index];
                        kernel.RunBackwardCpuBlock(in problem, in workspace, row, block.Channel, chunk, block.Width);
                    }

                    var firstStep = chunk * ChunkLength;
                    layout.AddTerms(scratch, worker, row, firstStep, (int)Math.Min(ChunkLength, length - firstStep));
                }
            }
        });

        layout.ReducePartialSums(scratch, View(gradB), View(gradC), View(gradALog), View(gradD), View(gradDeltaBias));
        CpuScanScratch.Current.Trim();
        return Gradients(gradX, gradDeltaPre, gradDeltaBias, gradALog, gradB, gradC, gradD, gradZ, gradG);
    }

    /// <summary>Moves the gradients out of the call's dispose scope, in the order of <see cref="ScanGradients"/>.</summary>
    private static ScanGradients Gradients(
        Tensor x, Tensor deltaPre, Tensor deltaBias, Tensor aLog, Tensor b, Tensor c, Tensor d, Tensor z, Tensor? g) => new(
        x.MoveToOuterDisposeScope(),
        deltaPre.MoveToOuterDisposeScope(),
        deltaBias.MoveToOuterDisposeScope(),
        aLog.MoveToOuterDisposeScope(),
        b.MoveToOuterDisposeScope(),
        c.MoveToOuterDisposeScope(),
        d.MoveToOuterDisposeScope(),
        z.MoveToOuterDisposeScope(),
        g?.MoveToOuterDisposeScope());

    /// <summary>
    /// Writes <c>A = −exp(A_log)</c> transposed to (d_state, channels), so the kernels load the A of
    /// neighbouring channels contiguously. Plain C#: a TorchSharp exp here would start an OpenMP region
    /// whose threads then spin on the cores the kernels need.
    /// </summary>
    private static void WriteATransposed(NativeFloatBuffer aLog, NativeFloatBuffer aTransposed, long channels, int dState)
    {
        for (long channel = 0; channel < channels; channel++)
        {
            for (var state = 0; state < dState; state++)
            {
                aTransposed[state * channels + channel] = -MathF.Exp(aLog[channel * dState + state]);
            }
        }
    }

    private static CpuScanProblem Describe(ScanInputs inputs, NativeFloatBuffer aTransposed, long chunkCount) => new()
    {
        Batch = inputs.X.shape[0],
        Length = inputs.X.shape[1],
        Channels = inputs.X.shape[2],
        ChunkLength = ChunkLength,
        ChunkCount = chunkCount,
        X = View(inputs.X),
        DeltaPre = View(inputs.DeltaPre),
        DeltaBias = View(inputs.DeltaBias),
        ATransposed = aTransposed,
        B = View(inputs.B),
        C = View(inputs.C),
        D = View(inputs.D),
        Z = View(inputs.Z),
        G = inputs.G is null ? default : View(inputs.G),
    };

    /// <summary>
    /// Returns the inputs with every tensor contiguous and on the CPU, copying only tensors that are
    /// not contiguous. The copies belong to the caller's dispose scope.
    /// </summary>
    private static ScanInputs MakeContiguous(ScanInputs inputs)
    {
        foreach (var (tensor, name) in ScanInputValidation.Enumerate(inputs))
        {
            if (tensor.device_type != DeviceType.CPU)
            {
                throw new ArgumentException(
                    $"The cpu-vectorised scan backend needs CPU tensors, but {name} is on {tensor.device}; move it with .cpu() or select a GPU backend.", name);
            }
        }

        return new ScanInputs(
            Contiguous(inputs.X, "x"),
            Contiguous(inputs.DeltaPre, "deltaPre"),
            Contiguous(inputs.DeltaBias, "deltaBias"),
            Contiguous(inputs.ALog, "aLog"),
            Contiguous(inputs.B, "b"),
            Contiguous(inputs.C, "c"),
            Contiguous(inputs.D, "d"),
            Contiguous(inputs.Z, "z"),
            inputs.G is null ? null : Contiguous(inputs.G, "g"));
    }

    private static Tensor Contiguous(Tensor tensor, string name)
    {
        var detached = tensor.detach();
        if (detached.is_contiguous())
        {
            return detached;
        }

        // Reported once per input name, because a caller that passes strided views does so on every step.
        bool first;
        lock (ReportedCopies)
        {
            first = ReportedCopies.Add(name);
        }

        if (first)
        {
            Logger.LogInformation(
                "Scan input {Name} with shape {Shape} is not contiguous; the CPU scan copies it on every call.",
                name, string.Join("x", tensor.shape));
        }

        return detached.contiguous();
    }

    private static NativeFloatBuffer View(Tensor tensor) => TensorMemory.Address(tensor, "tensor");
}
