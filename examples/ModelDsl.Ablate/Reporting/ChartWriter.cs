using ModelDsl.Ablate.Running;
using ModelDsl.Training;
using ScottPlot;

namespace ModelDsl.Ablate.Reporting;

/// <summary>Draws the accuracy-by-task bar chart and the learning curves with ScottPlot, each PNG written atomically.</summary>
public static class ChartWriter
{
    private const int Width = 900;
    private const int Height = 500;

    /// <summary>
    /// Writes <c>accuracy-by-task.png</c>, <c>learning-curves.png</c> (validation accuracy by step) and
    /// <c>loss-curves.png</c> (training loss by step) into <paramref name="folder"/>.
    /// </summary>
    public static IReadOnlyList<string> Write(string folder, IReadOnlyList<AblationRunResult> results)
    {
        var accuracy = Path.Combine(folder, "accuracy-by-task.png");
        var curves = Path.Combine(folder, "learning-curves.png");
        var losses = Path.Combine(folder, "loss-curves.png");
        var tasks = results.Select(result => result.Task).Distinct().Count();
        var curveHeight = (Height * Math.Max(1, tasks) / 2) + (Height / 2);
        Save(AccuracyByTask(results), accuracy, Width, Height);
        Save(Curves(results, entry => entry.ValidationAccuracy, "validation query accuracy (%)", "Learning curves", Alignment.UpperLeft, 100), curves, Width, curveHeight);
        Save(Curves(results, entry => entry.Loss, "training loss (cross-entropy at labelled positions)", "Loss curves", Alignment.UpperRight, null), losses, Width, curveHeight);
        return [accuracy, curves, losses];
    }

    private static Plot AccuracyByTask(IReadOnlyList<AblationRunResult> results)
    {
        var plot = new Plot();
        var tasks = results.Select(result => result.Task).Distinct().ToList();
        var architectures = results.Select(result => result.Architecture).Distinct().ToList();
        var width = 0.8 / Math.Max(1, architectures.Count);
        for (var a = 0; a < architectures.Count; a++)
        {
            var bars = new List<Bar>();
            for (var t = 0; t < tasks.Count; t++)
            {
                var result = results.FirstOrDefault(r => r.Architecture == architectures[a] && r.Task == tasks[t]);
                bars.Add(new Bar
                {
                    Position = t + ((a - ((architectures.Count - 1) / 2.0)) * width),
                    Value = result?.Test?.MeanQueryAccuracy ?? 0,
                    Size = width * 0.95,
                    FillColor = Palette(a),
                });
            }

            var plottable = plot.Add.Bars(bars);
            plottable.LegendText = architectures[a];
        }

        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, tasks.Count).Select(index => (double)index).ToArray(), tasks.ToArray());
        plot.Axes.SetLimitsY(0, 100);
        plot.YLabel("test query accuracy (%)");
        plot.Title("Accuracy by task");
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }

    private static Plot Curves(
        IReadOnlyList<AblationRunResult> results,
        Func<TrainingLogEntry, double?> value,
        string label,
        string title,
        Alignment legend,
        double? ceiling)
    {
        var plot = new Plot();
        var architectures = results.Select(result => result.Architecture).Distinct().ToList();
        var tasks = results.Select(result => result.Task).Distinct().ToList();
        var markers = new[] { MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp, MarkerShape.FilledDiamond, MarkerShape.OpenCircle, MarkerShape.OpenSquare, MarkerShape.OpenTriangleUp };
        foreach (var result in results)
        {
            var points = result.Training.History.Where(entry => value(entry) is { } y && double.IsFinite(y)).ToList();
            if (points.Count == 0)
            {
                continue;
            }

            var scatter = plot.Add.Scatter(points.Select(entry => (double)entry.Step).ToArray(), points.Select(entry => value(entry)!.Value).ToArray());
            scatter.Color = Palette(architectures.IndexOf(result.Architecture));
            scatter.MarkerShape = markers[tasks.IndexOf(result.Task) % markers.Length];
            scatter.LegendText = $"{result.Architecture} × {result.Task}";
        }

        // Accuracy axes end a fifth above the best value, at 10 at least and at the ceiling at most, so
        // curves that stay near 0 still use the height of the chart.
        if (ceiling is { } limit)
        {
            var highest = results.SelectMany(result => result.Training.History)
                .Select(value)
                .Where(y => y is { } finite && double.IsFinite(finite))
                .Select(y => y!.Value)
                .DefaultIfEmpty(0)
                .Max();
            plot.Axes.SetLimitsY(0, Math.Min(limit, Math.Max(10, highest * 1.2)));
        }

        plot.XLabel("step");
        plot.YLabel(label);
        plot.Title(title);
        plot.ShowLegend(legend);
        return plot;
    }

    private static Color Palette(int index) => new ScottPlot.Palettes.Category10().GetColor(index);

    private static void Save(Plot plot, string path, int width, int height)
    {
        var bytes = plot.GetImageBytes(width, height, ImageFormat.Png);
        AtomicFile.WriteAllBytes(path, bytes);
    }
}
