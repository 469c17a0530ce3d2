using BenchmarkDotNet.Running;
using ModelDsl.Benchmarks;

// All benchmarks:    dotnet run -c Release --project tests/ModelDsl.Benchmarks -- --filter '*'
// One timed call:    dotnet run -c Release --project tests/ModelDsl.Benchmarks -- --reference-backward-once 1024
if (args.Length == 2 && args[0] == ReferenceBackwardTiming.Option)
{
    ReferenceBackwardTiming.Run(int.Parse(args[1]));
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(ScanBenchmarkInputs).Assembly).Run(args);
