using System.Globalization;
using ModelDsl.Ablate.Running;
using ModelDsl.Training;
using Spectre.Console;

namespace ModelDsl.Ablate.Reporting;

/// <summary>
/// Progress for a console that is not interactive (redirected output, CI logs): one line when a run starts, one
/// per validation and one when it ends, in place of progress bars that would be re-printed on every refresh.
/// </summary>
public sealed class PlainTextObserver(IAnsiConsole console) : IAblationObserver
{
    /// <inheritdoc />
    public void RunStarted(AblationRunSpec run) => console.WriteLine($"{run.Label}: started, {run.Training.Steps} steps");

    /// <inheritdoc />
    public void StepCompleted(AblationRunSpec run, TrainingProgress progress)
    {
        if (progress.Step % run.Training.EvalEvery != 0 && progress.Step != 1)
        {
            return;
        }

        var accuracy = progress.ValidationAccuracy is { } value ? value.ToString("F1", CultureInfo.InvariantCulture) + "%" : "–";
        console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{run.Label}: step {progress.Step}/{progress.TotalSteps}  loss {progress.Loss:F3}  acc {accuracy}  {progress.TokensPerSecond:F0} tok/s  left {progress.Remaining:hh\\:mm\\:ss}"));
    }

    /// <inheritdoc />
    public void RunFinished(AblationRunSpec run, AblationRunResult result)
    {
        var accuracy = result.Test?.MeanQueryAccuracy is { } value ? value.ToString("F1", CultureInfo.InvariantCulture) + "%" : "–";
        console.WriteLine($"{run.Label}: test accuracy {accuracy} ({result.Training.Message})");
    }
}
