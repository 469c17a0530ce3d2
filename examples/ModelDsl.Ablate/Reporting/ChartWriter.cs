using ModelDsl.Ablate.Running;
using ModelDsl.Training;
using ScottPlot;

namespace ModelDsl.Ablate.Reporting;

/// <summary>Draws the accuracy-by-task bar chart and the learning curves with ScottPlot, each PNG written atomically.</summary>
public static class ChartWriter
{
    private const int Width = 900;
    private const int Height = 500;

    /// <summary>Writes <c>accuracy-by-task.png</c> and <c>learning-curves.png</c> into <paramref name="folder"/>.</summary>
    public static IReadOnlyList<string> Write(string folder, IReadOnlyList<AblationRunResult> results)
    {
        var accuracy = Path.Combine(folder, "accuracy-by-task.png");
        var curves = Path.Combine(folder, "learning-curves.png");
        Save(AccuracyByTask(results), accuracy, Width, Height);
        var tasks = results.Select(result => result.Task).Distinct().Count();
        Save(LearningCurves(results), curves, Width, Height * Math.Max(1, tasks) / 2 + Height / 2);
        return [accuracy, curves];
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

    private static Plot LearningCurves(IReadOnlyList<AblationRunResult> results)
    {
        var plot = new Plot();
        var architectures = results.Select(result => result.Architecture).Distinct().ToList();
        var tasks = results.Select(result => result.Task).Distinct().ToList();
        var markers = new[] { MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp, MarkerShape.FilledDiamond, MarkerShape.OpenCircle, MarkerShape.OpenSquare, MarkerShape.OpenTriangleUp };
        foreach (var result in results)
        {
            var points = result.Training.History.Where(entry => entry.ValidationAccuracy is not null).ToList();
            if (points.Count == 0)
            {
                continue;
            }

            var scatter = plot.Add.Scatter(points.Select(entry => (double)entry.Step).ToArray(), points.Select(entry => entry.ValidationAccuracy!.Value).ToArray());
            scatter.Color = Palette(architectures.IndexOf(result.Architecture));
            scatter.MarkerShape = markers[tasks.IndexOf(result.Task) % markers.Length];
            scatter.LegendText = $"{result.Architecture} × {result.Task}";
        }

        plot.Axes.SetLimitsY(0, 100);
        plot.XLabel("step");
        plot.YLabel("validation query accuracy (%)");
        plot.Title("Learning curves");
        plot.ShowLegend(Alignment.LowerRight);
        return plot;
    }

    private static Color Palette(int index) => new ScottPlot.Palettes.Category10().GetColor(index);

    private static void Save(Plot plot, string path, int width, int height)
    {
        var bytes = plot.GetImageBytes(width, height, ImageFormat.Png);
        AtomicFile.WriteAllBytes(path, bytes);
    }
}
