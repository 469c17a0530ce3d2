using System.Diagnostics;

namespace ModelDsl.Benchmarks;

/// <summary>
/// Times the fused scan with a stopwatch, many calls in one process: forward, then forward+backward,
/// and prints the minimum, median and maximum per call. It is a quick check between kernel changes,
/// and the BenchmarkDotNet classes give the recorded figures.
/// </summary>
internal static class FusedScanTiming
{
    public const string Option = "--fused-scan-timing";

    public static void Run(int length, int calls, bool forwardOnly = false)
    {
        var inputs = new ScanBenchmarkInputs(length);
        Report("forward", length, calls, inputs.FusedForward);
        if (!forwardOnly)
        {
            Report("forward+backward", length, calls, inputs.FusedForwardBackward);
        }
    }

    private static void Report(string name, int length, int calls, Action call)
    {
        for (var i = 0; i < Math.Max(3, calls / 10); i++)
        {
            call();
        }

        var times = new double[calls];
        for (var i = 0; i < calls; i++)
        {
            var watch = Stopwatch.StartNew();
            call();
            times[i] = watch.Elapsed.TotalMilliseconds;
        }

        Array.Sort(times);
        Console.WriteLine(
            $"L = {length}, {name}: min {times[0]:F2} ms, median {times[calls / 2]:F2} ms, max {times[^1]:F2} ms over {calls} calls.");
    }
}
