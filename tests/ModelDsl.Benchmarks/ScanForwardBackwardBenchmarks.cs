using BenchmarkDotNet.Attributes;

namespace ModelDsl.Benchmarks;

/// <summary>
/// Fused CPU forward plus backward against autograd through the reference scan, the reference as baseline. The
/// reference backward is linear in L because the reference scan splits its (B, L, E, N) tensors with one unbind
/// rather than a select per time step.
/// </summary>
[Config(typeof(ScanBenchmarkConfig))]
public class ScanForwardBackwardBenchmarks
{
    private ScanBenchmarkInputs inputs = null!;

    [Params(256, 1024, 4096)]
    public int Length { get; set; }

    [GlobalSetup(Target = nameof(ReferenceForwardBackward))]
    public void SetupReference() => inputs = new ScanBenchmarkInputs(Length);

    [GlobalSetup(Target = nameof(FusedForwardBackward))]
    public void SetupFused()
    {
        inputs = new ScanBenchmarkInputs(Length);
        ScanBenchmarkInputs.WarmUp(inputs.FusedForwardBackward);
    }

    [Benchmark(Baseline = true)]
    public void ReferenceForwardBackward() => inputs.ReferenceForwardBackward();

    [Benchmark]
    public void FusedForwardBackward() => inputs.FusedForwardBackward();
}
