using System.Globalization;
using ModelDsl.Ablate.Running;
using Spectre.Console;

namespace ModelDsl.Ablate.Reporting;

/// <summary>The closing console table: one row per architecture × task.</summary>
public static class ResultsTable
{
    /// <summary>Builds the table.</summary>
    public static Table Build(IReadOnlyList<AblationRunResult> results)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("Test query accuracy by architecture and task");
        table.AddColumn("architecture");
        table.AddColumn("task");
        table.AddColumn(new TableColumn("accuracy (%)").RightAligned());
        table.AddColumn(new TableColumn("token acc. (%)").RightAligned());
        table.AddColumn(new TableColumn("parameters").RightAligned());
        table.AddColumn(new TableColumn("state size").RightAligned());
        table.AddColumn(new TableColumn("steps").RightAligned());
        table.AddColumn(new TableColumn("training time").RightAligned());
        table.AddColumn("end");
        foreach (var result in results)
        {
            table.AddRow(
                Markup.Escape(result.Architecture),
                Markup.Escape(result.Task),
                Format(result.Test?.MeanQueryAccuracy),
                Format(result.Test?.TokenAccuracy),
                result.Parameters.ToString("N0", CultureInfo.InvariantCulture),
                result.StateSize.ToString("N0", CultureInfo.InvariantCulture),
                result.Training.LastStep.ToString(CultureInfo.InvariantCulture),
                $"{result.Training.TrainingTime.TotalSeconds:F0} s",
                Markup.Escape(result.Training.StopReason.ToString()));
        }

        return table;
    }

    private static string Format(double? value) => value is { } number ? number.ToString("F1", CultureInfo.InvariantCulture) : "–";
}
