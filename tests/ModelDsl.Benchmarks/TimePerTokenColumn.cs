using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace ModelDsl.Benchmarks;

/// <summary>
/// Mean time divided by the tokens of one call (batch · length), in nanoseconds: constant across
/// lengths when the cost is linear in L.
/// </summary>
internal sealed class TimePerTokenColumn : IColumn
{
    public string Id => nameof(TimePerTokenColumn);

    public string ColumnName => "ns/token";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Mean time per token (batch · length), in nanoseconds";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var statistics = summary[benchmarkCase]?.ResultStatistics;
        var length = benchmarkCase.Parameters.Items.FirstOrDefault(item => item.Name == "Length")?.Value;
        if (statistics is null || length is not int tokensPerRow)
        {
            return "-";
        }

        return (statistics.Mean / ((double)ScanBenchmarkInputs.Batch * tokensPerRow)).ToString("F1");
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
