using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;

namespace ModelDsl.Benchmarks;

/// <summary>
/// The short job of <see cref="ScanBenchmarkConfig"/> (one warm-up and five measured iterations), the memory
/// diagnoser and a tokens-per-second column in place of ns/token.
/// </summary>
internal sealed class TrainingStepBenchmarkConfig : ManualConfig
{
    public TrainingStepBenchmarkConfig()
    {
        AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(5));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(new TokensPerSecondColumn(TrainingStepRunner.TokensPerStep));
        HideColumns("Error");
    }
}
