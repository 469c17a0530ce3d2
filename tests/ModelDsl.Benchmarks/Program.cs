using BenchmarkDotNet.Running;
using ModelDsl.Benchmarks;

// All benchmarks:     dotnet run -c Release --project tests/ModelDsl.Benchmarks -- --filter '*'
// One timed call:     dotnet run -c Release --project tests/ModelDsl.Benchmarks -- --reference-backward-once 1024
// Fused scan, many calls: dotnet run -c Release --project tests/ModelDsl.Benchmarks -- --fused-scan-timing 1024 [calls, default 50] [forward]
// Training step parts: dotnet run -c Release --project tests/ModelDsl.Benchmarks -- --training-step-breakdown [calls, default 30]
const int InvalidArguments = 2;

try
{
    switch (args.FirstOrDefault())
    {
        case ReferenceBackwardTiming.Option when args.Length == 2:
            ReferenceBackwardTiming.Run(Positive(args[1], "L"));
            return 0;

        case FusedScanTiming.Option when args.Length is 2 or 3 or 4:
            if (args.Length == 4 && args[3] != "forward")
            {
                throw new UsageException($"The last argument of {FusedScanTiming.Option} must be 'forward' or absent, but it is '{args[3]}'.");
            }

            FusedScanTiming.Run(Positive(args[1], "L"), args.Length >= 3 ? Positive(args[2], "calls") : 50, args.Length == 4);
            return 0;

        case TrainingStepBreakdown.Option when args.Length is 1 or 2:
            TrainingStepBreakdown.Run(args.Length == 2 ? Positive(args[1], "calls") : 30);
            return 0;

        case ReferenceBackwardTiming.Option or FusedScanTiming.Option or TrainingStepBreakdown.Option:
            throw new UsageException($"Invalid number of arguments for {args[0]}. The usage lines are at the top of tests/ModelDsl.Benchmarks/Program.cs.");

        default:
            BenchmarkSwitcher.FromAssembly(typeof(ScanBenchmarkInputs).Assembly).Run(args);
            return 0;
    }
}
catch (UsageException exception)
{
    Console.Error.WriteLine("error: " + exception.Message);
    return InvalidArguments;
}

static int Positive(string text, string name) =>
    int.TryParse(text, out var value) && value >= 1
        ? value
        : throw new UsageException($"{name} must be a whole number of at least 1, but it is '{text}'.");

/// <summary>An invalid command line: the message names the argument and the fix.</summary>
internal sealed class UsageException(string message) : Exception(message);
