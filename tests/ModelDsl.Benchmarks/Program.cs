using BenchmarkDotNet.Running;
using ModelDsl.Benchmarks;

// All benchmarks:     dotnet run -c Release --project tests/ModelDsl.Benchmarks -- --filter '*'
// One timed call:     dotnet run -c Release --project tests/ModelDsl.Benchmarks -- --reference-backward-once 1024
// Fused scan, many calls: dotnet run -c Release --project tests/ModelDsl.Benchmarks -- --fused-scan-timing 1024 [calls, default 50] [forward]
// Training step parts: dotnet run -c Release --project tests/ModelDsl.Benchmarks -- --training-step-breakdown [calls, default 30]
if (args.Length == 2 && args[0] == ReferenceBackwardTiming.Option)
{
    ReferenceBackwardTiming.Run(int.Parse(args[1]));
    return;
}

if (args.Length is 2 or 3 or 4 && args[0] == FusedScanTiming.Option)
{
    FusedScanTiming.Run(int.Parse(args[1]), args.Length >= 3 ? int.Parse(args[2]) : 50, args.Length == 4 && args[3] == "forward");
    return;
}

if (args.Length is 1 or 2 && args[0] == TrainingStepBreakdown.Option)
{
    TrainingStepBreakdown.Run(args.Length == 2 ? int.Parse(args[1]) : 30);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(ScanBenchmarkInputs).Assembly).Run(args);
