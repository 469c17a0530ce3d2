using BenchmarkDotNet.Attributes;

namespace ModelDsl.Benchmarks;

/// <summary>The fused CPU scan alone at every length, to show through ns/token that its cost is linear in L.</summary>
[Config(typeof(ScanBenchmarkConfig))]
public class FusedScanScalingBenchmarks
{
    private ScanBenchmarkInputs inputs = null!;

    [Params(256, 1024, 4096)]
    public int Length { get; set; }

    [GlobalSetup(Target = nameof(FusedForward))]
    public void SetupForward()
    {
        inputs = new ScanBenchmarkInputs(Length);
        ScanBenchmarkInputs.WarmUp(inputs.FusedForward);
    }

    [GlobalSetup(Target = nameof(FusedForwardBackward))]
    public void SetupForwardBackward()
    {
        inputs = new ScanBenchmarkInputs(Length);
        ScanBenchmarkInputs.WarmUp(inputs.FusedForwardBackward);
    }

    [Benchmark]
    public void FusedForward() => inputs.FusedForward();

    [Benchmark]
    public void FusedForwardBackward() => inputs.FusedForwardBackward();
}
