using ModelDsl.Kernels;
using ModelDsl.Kernels.Cpu;
using static TorchSharp.torch;

namespace ModelDsl.Benchmarks;

/// <summary>
/// Inputs and runners shared by the scan benchmarks: float32 leaves that require grad, initialised
/// like a fresh Mamba mixer, at d_state 16 and by default batch 4 and E 256.
/// </summary>
internal sealed class ScanBenchmarkInputs
{
    public const int Batch = 4;
    public const int Channels = 256;
    public const int DState = 16;

    private readonly SelectiveScanKernel kernel = FindKernel();
    private readonly IScanBackend backend = new CpuScanBackend();
    private readonly ScanInputs inputs;
    private readonly Tensor outputGradient;

    public ScanBenchmarkInputs(int length)
        : this(Batch, length, Channels)
    {
    }

    public ScanBenchmarkInputs(int batch, int length, int channels)
    {
        manual_seed(7);
        var activation = new long[] { batch, length, channels };
        var dt = exp(rand(channels) * (Math.Log(0.1) - Math.Log(0.001)) + Math.Log(0.001));
        inputs = new ScanInputs(
            Leaf(randn(activation)),
            Leaf(randn(activation) * 0.5),
            Leaf(dt + log(-expm1(-dt))),
            Leaf(log(arange(1, DState + 1, dtype: float32)).unsqueeze(0).expand(channels, DState).contiguous()),
            Leaf(randn(batch, length, DState)),
            Leaf(randn(batch, length, DState)),
            Leaf(ones(channels)),
            Leaf(randn(activation)),
            null);
        outputGradient = randn(activation);
    }

    /// <summary>
    /// Runs <paramref name="call"/> until tiered compilation has replaced the first code of the methods it
    /// uses. BenchmarkDotNet runs a workload whose first calls take over about half a second only once per
    /// iteration, so without this a process could measure unoptimised kernels in every iteration.
    /// </summary>
    public static void WarmUp(Action call)
    {
        for (var i = 0; i < 60; i++)
        {
            call();
        }

        // Optimised code is compiled on a background thread; give it time, then run it a few times.
        Thread.Sleep(500);
        for (var i = 0; i < 10; i++)
        {
            call();
        }
    }

    public void ReferenceForward()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        RunReference(inputs);
    }

    public void FusedForward()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        kernel.Forward(backend, inputs);
    }

    public void ReferenceForwardBackward()
    {
        using var scope = NewDisposeScope();
        RunReference(Activations()).backward([outputGradient]);
        ClearGradients();
    }

    public void FusedForwardBackward()
    {
        using var scope = NewDisposeScope();
        kernel.Forward(backend, Activations()).backward([outputGradient]);
        ClearGradients();
    }

    private static Tensor RunReference(ScanInputs scan)
        => ReferenceScan.Forward(scan.X, scan.DeltaPre, scan.DeltaBias, scan.ALog, scan.B, scan.C, scan.D, scan.Z);

    /// <summary>
    /// Returns views of the leaves, so the scan gets activations as it does inside a model. Given the
    /// leaves themselves, autograd copies every gradient the fused function returns into .grad,
    /// because TorchSharp still keeps a reference to it. Through a view, autograd takes the tensor over.
    /// </summary>
    private ScanInputs Activations() => new(
        inputs.X.view(inputs.X.shape),
        inputs.DeltaPre.view(inputs.DeltaPre.shape),
        inputs.DeltaBias.view(inputs.DeltaBias.shape),
        inputs.ALog.view(inputs.ALog.shape),
        inputs.B.view(inputs.B.shape),
        inputs.C.view(inputs.C.shape),
        inputs.D.view(inputs.D.shape),
        inputs.Z.view(inputs.Z.shape),
        null);

    private void ClearGradients()
    {
        foreach (var tensor in new[] { inputs.X, inputs.DeltaPre, inputs.DeltaBias, inputs.ALog, inputs.B, inputs.C, inputs.D, inputs.Z })
        {
            tensor.grad?.Dispose();
            tensor.grad = null;
        }
    }

    private static Tensor Leaf(Tensor tensor) => tensor.detach().requires_grad_(true);

    private static SelectiveScanKernel FindKernel()
    {
        const string name = "ModelDsl.Generated.SelectiveScanN16";
        var type = typeof(ScanBenchmarkInputs).Assembly.GetType(name)
            ?? throw new InvalidOperationException($"Generated kernel {name} not found; the generator did not run on BenchmarkScanModel.");
        return (SelectiveScanKernel)type.GetField("Instance")!.GetValue(null)!;
    }
}
