using System.Diagnostics;

namespace ModelDsl.Benchmarks;

/// <summary>
/// Times one forward-plus-backward call of the reference scan and of the fused scan with a stopwatch: a quick
/// check at one length, coarser than the BenchmarkDotNet job of <see cref="ScanForwardBackwardBenchmarks"/>.
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
