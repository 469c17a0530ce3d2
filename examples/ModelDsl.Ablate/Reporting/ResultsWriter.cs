using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ModelDsl.Ablate.Running;
using ModelDsl.Training;

namespace ModelDsl.Ablate.Reporting;

/// <summary>Writes results.csv, results.json and results.md, each atomically.</summary>
public static class ResultsWriter
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Writes the three files into <paramref name="folder"/> and returns their paths.</summary>
    public static IReadOnlyList<string> Write(string folder, AblationPlan plan, IReadOnlyList<AblationRunResult> results)
    {
        var csv = Path.Combine(folder, "results.csv");
        var json = Path.Combine(folder, "results.json");
        var markdown = Path.Combine(folder, "results.md");
        AtomicFile.WriteAllText(csv, FormatCsv(results));
        AtomicFile.WriteAllText(json, FormatJson(plan, results));
        AtomicFile.WriteAllText(markdown, FormatMarkdown(plan, results));
        return [csv, json, markdown];
    }

    /// <summary>One row per run; accuracies in percent, time in seconds.</summary>
    public static string FormatCsv(IReadOnlyList<AblationRunResult> results)
    {
        var builder = new StringBuilder();
        builder.AppendLine("architecture,task,test_accuracy,test_token_accuracy,best_validation_accuracy,parameters,state_size,steps,best_step,training_seconds,stop_reason");
        foreach (var result in results)
        {
            builder.AppendLine(string.Join(
                ',',
                result.Architecture,
                result.Task,
                Number(result.Test?.MeanQueryAccuracy),
                Number(result.Test?.TokenAccuracy),
                Number(result.Training.BestValidation?.MeanQueryAccuracy),
                result.Parameters.ToString(CultureInfo.InvariantCulture),
                result.StateSize.ToString(CultureInfo.InvariantCulture),
                result.Training.LastStep.ToString(CultureInfo.InvariantCulture),
                result.Training.BestStep.ToString(CultureInfo.InvariantCulture),
                Number(result.Training.TrainingTime.TotalSeconds),
                result.Training.StopReason.ToString()));
        }

        return builder.ToString();
    }

    /// <summary>Settings of the run and every result with its per-subtask scores and learning curve.</summary>
    public static string FormatJson(AblationPlan plan, IReadOnlyList<AblationRunResult> results)
    {
        var document = new
        {
            preset = plan.Options.Preset,
            seed = plan.Options.Seed,
            scanPath = plan.Options.ScanPath,
            dataDirectory = plan.DataDirectory,
            training = plan.Runs.Count > 0 ? plan.Runs[0].Training with { CheckpointDirectory = null } : null,
            runs = results.Select(result => new
            {
                architecture = result.Architecture,
                task = result.Task,
                parameters = result.Parameters,
                stateSize = result.StateSize,
                testAccuracy = result.Test?.MeanQueryAccuracy,
                testTokenAccuracy = result.Test?.TokenAccuracy,
                testSubtasks = result.Test?.Subtasks.Select(score => new
                {
                    sequenceLength = score.Subtask.SequenceLength,
                    pairCount = score.Subtask.PairCount,
                    queryAccuracy = score.QueryAccuracy,
                    tokenAccuracy = score.TokenAccuracy,
                    queries = score.Queries,
                }),
                bestValidationAccuracy = result.Training.BestValidation?.MeanQueryAccuracy,
                steps = result.Training.LastStep,
                bestStep = result.Training.BestStep,
                trainingSeconds = result.Training.TrainingTime.TotalSeconds,
                stopReason = result.Training.StopReason,
                message = result.Training.Message,
                history = result.Training.History,
            }),
        };
        return JsonSerializer.Serialize(document, JsonOptions);
    }

    /// <summary>A Markdown report: the settings, an architecture × task accuracy table and the per-run details.</summary>
    public static string FormatMarkdown(AblationPlan plan, IReadOnlyList<AblationRunResult> results)
    {
        var builder = new StringBuilder();
        builder.AppendLine("# Ablation results");
        builder.AppendLine();
        builder.AppendLine(CultureInfo.InvariantCulture, $"Preset `{plan.Options.Preset.ToString().ToLowerInvariant()}`, seed {plan.Options.Seed}, scan `{plan.Options.ScanPath.ToString().ToLowerInvariant()}`. Accuracy is the test-split query accuracy (a query counts only if all its value tokens are right), averaged without weights over the (L, N) subtasks, in percent.");
        builder.AppendLine();

        var tasks = results.Select(result => result.Task).Distinct().ToList();
        builder.AppendLine("| architecture | " + string.Join(" | ", tasks) + " | parameters | state size |");
        builder.AppendLine("| --- | " + string.Join(" | ", tasks.Select(_ => "---:")) + " | ---: | ---: |");
        foreach (var architecture in results.GroupBy(result => result.Architecture))
        {
            var cells = tasks.Select(task => architecture.FirstOrDefault(result => result.Task == task)?.Test?.MeanQueryAccuracy is { } accuracy ? accuracy.ToString("F1", CultureInfo.InvariantCulture) : "–");
            var first = architecture.First();
            builder.AppendLine(CultureInfo.InvariantCulture, $"| {architecture.Key} | {string.Join(" | ", cells)} | {first.Parameters:N0} | {first.StateSize:N0} |");
        }

        builder.AppendLine();
        builder.AppendLine("| architecture | task | test accuracy | token accuracy | best validation | steps | training time | end |");
        builder.AppendLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |");
        foreach (var result in results)
        {
            builder.AppendLine(CultureInfo.InvariantCulture,
                $"| {result.Architecture} | {result.Task} | {Number(result.Test?.MeanQueryAccuracy)} | {Number(result.Test?.TokenAccuracy)} | {Number(result.Training.BestValidation?.MeanQueryAccuracy)} | {result.Training.LastStep} | {result.Training.TrainingTime.TotalSeconds:F0} s | {result.Training.Message} |");
        }

        builder.AppendLine();
        builder.AppendLine("Charts in this folder: `accuracy-by-task.png`, `learning-curves.png` (validation accuracy) and `loss-curves.png` (training loss).");
        return builder.ToString();
    }

    private static string Number(double? value) => value is { } number ? number.ToString("F2", CultureInfo.InvariantCulture) : string.Empty;
}
