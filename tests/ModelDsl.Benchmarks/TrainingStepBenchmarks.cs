using BenchmarkDotNet.Attributes;

namespace ModelDsl.Benchmarks;

/// <summary>
/// One training step of the ablate command's default model (forward, backward, clipping, AdamW) with the fused
/// scan against the same model on the reference scan, the reference as baseline.
/// </summary>
[Config(typeof(TrainingStepBenchmarkConfig))]
public class TrainingStepBenchmarks
{
    private TrainingStepRunner reference = null!;
    private TrainingStepRunner fused = null!;

    [GlobalSetup(Target = nameof(ReferenceTrainingStep))]
    public void SetupReference() => reference = new TrainingStepRunner(ScanPath.Reference);

    [GlobalSetup(Target = nameof(FusedTrainingStep))]
    public void SetupFused()
    {
        fused = new TrainingStepRunner(ScanPath.Fused);
        ScanBenchmarkInputs.WarmUp(() => fused.Step());
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        reference?.Dispose();
        fused?.Dispose();
    }

    [Benchmark(Baseline = true)]
    public float ReferenceTrainingStep() => reference.Step();

    [Benchmark]
    public float FusedTrainingStep() => fused.Step();
}
