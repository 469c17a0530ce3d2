namespace ModelDsl.Training;

/// <summary>The JSON half of a checkpoint; the weights sit beside it in TorchSharp's format.</summary>
/// <param name="FormatVersion">Version of this layout.</param>
/// <param name="Architecture">Description of the model the weights belong to.</param>
/// <param name="Step">Optimizer steps completed.</param>
/// <param name="Seed">Seed of the run.</param>
/// <param name="ValidationAccuracy">Mean validation query accuracy at <see cref="Step"/>, in percent.</param>
/// <param name="ValidationTokenAccuracy">Validation token accuracy at <see cref="Step"/>, in percent.</param>
/// <param name="BestValidationAccuracy">Best mean validation query accuracy of the run so far, in percent.</param>
/// <param name="BestStep">Step of <see cref="BestValidationAccuracy"/>.</param>
/// <param name="WeightsFile">File name of the weights, written by <c>Module.save</c>.</param>
/// <param name="OptimizerFile">File name of the AdamW state, written by <c>OptimizerHelper.save_state_dict</c>; <c>null</c> when not saved.</param>
/// <param name="History">Learning curve up to <see cref="Step"/>.</param>
/// <param name="TrainingSeconds">Training time up to <see cref="Step"/>, in seconds.</param>
public sealed record CheckpointMetadata(
    int FormatVersion,
    ModelDescription Architecture,
    int Step,
    long Seed,
    double ValidationAccuracy,
    double ValidationTokenAccuracy,
    double BestValidationAccuracy,
    int BestStep,
    string WeightsFile,
    string? OptimizerFile,
    IReadOnlyList<TrainingLogEntry> History,
    double TrainingSeconds)
{
    /// <summary>The current <see cref="FormatVersion"/>.</summary>
    public const int CurrentFormatVersion = 1;
}
