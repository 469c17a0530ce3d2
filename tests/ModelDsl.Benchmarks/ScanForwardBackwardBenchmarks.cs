using BenchmarkDotNet.Attributes;

namespace ModelDsl.Benchmarks;

/// <summary>
/// Fused CPU forward plus backward against autograd through the reference scan, at L = 256 only:
/// the reference backward costs O(L²·B·E·N), because every time step's select allocates a gradient
/// of the full (B, L, E, N) tensor, so one call takes minutes at L = 1024 (see docs/benchmarks.md).
/// </summary>
[Config(typeof(ScanBenchmarkConfig))]
public class ScanForwardBackwardBenchmarks
{
    private ScanBenchmarkInputs inputs = null!;

    [Params(256)]
    public int Length { get; set; }

    [GlobalSetup]
    public void Setup() => inputs = new ScanBenchmarkInputs(Length);

    [Benchmark(Baseline = true)]
    public void ReferenceForwardBackward() => inputs.ReferenceForwardBackward();

    [Benchmark]
    public void FusedForwardBackward() => inputs.FusedForwardBackward();
}
