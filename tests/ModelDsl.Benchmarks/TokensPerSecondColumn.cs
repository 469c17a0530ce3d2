using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace ModelDsl.Benchmarks;

/// <summary>Input tokens of one call divided by its mean time: the training throughput the ablate command reports.</summary>
internal sealed class TokensPerSecondColumn(long tokensPerCall) : IColumn
{
    public string Id => nameof(TokensPerSecondColumn);

    public string ColumnName => "tokens/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => $"Input tokens per second, {tokensPerCall} tokens (batch · length) per call over the mean time";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var statistics = summary[benchmarkCase]?.ResultStatistics;
        if (statistics is null || statistics.Mean <= 0)
        {
            return "-";
        }

        // BenchmarkDotNet reports the mean in nanoseconds.
        return (tokensPerCall / (statistics.Mean * 1e-9)).ToString("N0", CultureInfo.InvariantCulture);
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
