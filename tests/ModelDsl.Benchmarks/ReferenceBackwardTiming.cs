using System.Diagnostics;

namespace ModelDsl.Benchmarks;

/// <summary>
/// Times one forward-plus-backward call of the reference scan and of the fused scan with a stopwatch,
/// for lengths where a BenchmarkDotNet job on the reference would take too long.
/// </summary>
internal static class ReferenceBackwardTiming
{
    public const string Option = "--reference-backward-once";

    public static void Run(int length)
    {
        var inputs = new ScanBenchmarkInputs(length);
        inputs.FusedForwardBackward();

        var fused = Stopwatch.StartNew();
        inputs.FusedForwardBackward();
        fused.Stop();

        var reference = Stopwatch.StartNew();
        inputs.ReferenceForwardBackward();
        reference.Stop();

        Console.WriteLine(
            $"L = {length}, batch {ScanBenchmarkInputs.Batch}, E {ScanBenchmarkInputs.Channels}, d_state {ScanBenchmarkInputs.DState}: "
            + $"reference forward+backward {reference.Elapsed.TotalMilliseconds:F0} ms, fused {fused.Elapsed.TotalMilliseconds:F1} ms, "
            + $"ratio {reference.Elapsed / fused.Elapsed:F0}× (one call each, fused after one warm-up call).");
    }
}
