using BenchmarkDotNet.Attributes;

namespace ModelDsl.Benchmarks;

/// <summary>Fused CPU forward scan against the sequential TorchSharp reference, with the reference as baseline.</summary>
[Config(typeof(ScanBenchmarkConfig))]
public class ScanForwardBenchmarks
{
    private ScanBenchmarkInputs inputs = null!;

    [Params(256, 1024, 4096)]
    public int Length { get; set; }

    [GlobalSetup(Target = nameof(ReferenceForward))]
    public void SetupReference() => inputs = new ScanBenchmarkInputs(Length);

    [GlobalSetup(Target = nameof(FusedForward))]
    public void SetupFused()
    {
        inputs = new ScanBenchmarkInputs(Length);
        ScanBenchmarkInputs.WarmUp(inputs.FusedForward);
    }

    [Benchmark(Baseline = true)]
    public void ReferenceForward() => inputs.ReferenceForward();

    [Benchmark]
    public void FusedForward() => inputs.FusedForward();
}
