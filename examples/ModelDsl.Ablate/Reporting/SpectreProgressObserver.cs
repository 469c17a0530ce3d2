using System.Globalization;
using ModelDsl.Ablate.Running;
using ModelDsl.Training;
using Spectre.Console;

namespace ModelDsl.Ablate.Reporting;

/// <summary>Shows one Spectre.Console progress bar per run with step, loss, accuracy, tokens/s and time left.</summary>
public sealed class SpectreProgressObserver(ProgressContext context) : IAblationObserver
{
    private readonly Dictionary<AblationRunSpec, ProgressTask> tasks = [];

    /// <inheritdoc />
    public void RunStarted(AblationRunSpec run)
    {
        tasks[run] = context.AddTask(Markup.Escape(run.Label), maxValue: run.Training.Steps);
    }

    /// <inheritdoc />
    public void StepCompleted(AblationRunSpec run, TrainingProgress progress)
    {
        var task = tasks[run];
        task.Value = progress.Step;
        var accuracy = progress.ValidationAccuracy is { } value ? value.ToString("F1", CultureInfo.InvariantCulture) + "%" : "–";
        task.Description = Markup.Escape(string.Create(
            CultureInfo.InvariantCulture,
            $"{run.Label}  step {progress.Step}/{progress.TotalSteps}  loss {progress.Loss:F3}  acc {accuracy}  {progress.TokensPerSecond:F0} tok/s  left {progress.Remaining:mm\\:ss}"));
    }

    /// <inheritdoc />
    public void RunFinished(AblationRunSpec run, AblationRunResult result)
    {
        var task = tasks[run];
        var accuracy = result.Test?.MeanQueryAccuracy is { } value ? value.ToString("F1", CultureInfo.InvariantCulture) + "%" : "–";
        task.Description = Markup.Escape($"{run.Label}  test acc {accuracy}  ({result.Training.Message})");
        task.Value = task.MaxValue;
        task.StopTask();
    }
}
