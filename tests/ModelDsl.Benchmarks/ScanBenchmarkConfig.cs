using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;

namespace ModelDsl.Benchmarks;

/// <summary>
/// One short job (one warm-up and five measured iterations) so the slow reference runs keep the
/// whole suite within minutes, the memory diagnoser, and the ns/token column. The diagnoser counts
/// managed allocations only; tensors live in native memory and do not appear in its figures.
/// </summary>
internal sealed class ScanBenchmarkConfig : ManualConfig
{
    public ScanBenchmarkConfig()
    {
        AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(5));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(new TimePerTokenColumn());
        HideColumns("Error");
    }
}
