using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using ModelDsl.Kernels;
using ModelDsl.Kernels.Cpu;
using static TorchSharp.torch;

namespace ModelDsl.Benchmarks;

/// <summary>
/// The fused CPU scan against the sequential TorchSharp reference scan at batch 4, E 256,
/// d_state 16, forward alone and forward plus backward. A short job (one warm-up, three measured
/// iterations) keeps the reference at L = 4096 within the time budget of the whole run.
/// MemoryDiagnoser counts managed allocations only; tensor memory is native and not in its figures.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)]
[CategoriesColumn]
[Config(typeof(Columns))]
public class SelectiveScanBenchmarks
{
    public const int Batch = 4;
    public const int Channels = 256;
    public const int DState = 16;

    private SelectiveScanKernel kernel = null!;
    private IScanBackend backend = null!;
    private ScanInputs inputs = null!;
    private Tensor outputGradient = null!;

    [Params(256, 1024, 4096)]
    public int Length { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        kernel = FindKernel();
        backend = new CpuScanBackend();
        manual_seed(7);
        var activation = new long[] { Batch, Length, Channels };
        var dt = exp(rand(Channels) * (Math.Log(0.1) - Math.Log(0.001)) + Math.Log(0.001));
        inputs = new ScanInputs(
            Leaf(randn(activation)),
            Leaf(randn(activation) * 0.5),
            Leaf(dt + log(-expm1(-dt))),
            Leaf(log(arange(1, DState + 1, dtype: float32)).unsqueeze(0).expand(Channels, DState).contiguous()),
            Leaf(randn(Batch, Length, DState)),
            Leaf(randn(Batch, Length, DState)),
            Leaf(ones(Channels)),
            Leaf(randn(activation)),
            null);
        outputGradient = randn(activation);
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Forward")]
    public void ReferenceForward()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        ReferenceScan.Forward(inputs.X, inputs.DeltaPre, inputs.DeltaBias, inputs.ALog, inputs.B, inputs.C, inputs.D, inputs.Z);
    }

    [Benchmark]
    [BenchmarkCategory("Forward")]
    public void FusedForward()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        kernel.Forward(backend, inputs);
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("ForwardBackward")]
    public void ReferenceForwardBackward()
    {
        using var scope = NewDisposeScope();
        ReferenceScan.Forward(inputs.X, inputs.DeltaPre, inputs.DeltaBias, inputs.ALog, inputs.B, inputs.C, inputs.D, inputs.Z)
            .backward([outputGradient]);
        ClearGradients();
    }

    [Benchmark]
    [BenchmarkCategory("ForwardBackward")]
    public void FusedForwardBackward()
    {
        using var scope = NewDisposeScope();
        kernel.Forward(backend, inputs).backward([outputGradient]);
        ClearGradients();
    }

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
        var type = typeof(SelectiveScanBenchmarks).Assembly.GetType(name)
            ?? throw new InvalidOperationException($"Generated kernel {name} not found; the generator did not run on BenchmarkScanModel.");
        return (SelectiveScanKernel)type.GetField("Instance")!.GetValue(null)!;
    }

    private sealed class Columns : ManualConfig
    {
        public Columns()
        {
            AddColumn(new TimePerTokenColumn());
        }
    }
}
