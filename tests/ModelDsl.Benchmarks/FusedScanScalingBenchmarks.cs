using BenchmarkDotNet.Attributes;

namespace ModelDsl.Benchmarks;

/// <summary>The fused CPU scan alone at every length, to show through ns/token that its cost is linear in L.</summary>
[Config(typeof(ScanBenchmarkConfig))]
public class FusedScanScalingBenchmarks
{
    private ScanBenchmarkInputs inputs = null!;

    [Params(256, 1024, 4096)]
    public int Length { get; set; }

    [GlobalSetup]
    public void Setup() => inputs = new ScanBenchmarkInputs(Length);

    [Benchmark]
    public void FusedForward() => inputs.FusedForward();

    [Benchmark]
    public void FusedForwardBackward() => inputs.FusedForwardBackward();
}
