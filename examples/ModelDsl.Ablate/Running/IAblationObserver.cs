using ModelDsl.Training;

namespace ModelDsl.Ablate.Running;

/// <summary>Receives the progress of a grid run, for live display.</summary>
public interface IAblationObserver
{
    /// <summary>Called when a run starts.</summary>
    void RunStarted(AblationRunSpec run);

    /// <summary>Called after every optimizer step of a run.</summary>
    void StepCompleted(AblationRunSpec run, TrainingProgress progress);

    /// <summary>Called when a run has finished and its test split is scored.</summary>
    void RunFinished(AblationRunSpec run, AblationRunResult result);
}
