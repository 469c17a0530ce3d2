using ModelDsl.Tasks;

namespace ModelDsl.Training;

/// <summary>Outcome of a training run.</summary>
/// <param name="StopReason">Why the run ended.</param>
/// <param name="Message">One-line account of the end, for example the step of a non-finite loss.</param>
/// <param name="LastStep">Optimizer steps completed.</param>
/// <param name="BestStep">Step with the best validation accuracy; the model contains these weights when checkpoints are kept.</param>
/// <param name="BestValidation">Validation score at <see cref="BestStep"/>.</param>
/// <param name="History">Learning curve.</param>
/// <param name="TrainingTime">Training time, resumed time included, evaluation included.</param>
public sealed record TrainingResult(
    TrainingStopReason StopReason,
    string Message,
    int LastStep,
    int BestStep,
    RecallScore? BestValidation,
    IReadOnlyList<TrainingLogEntry> History,
    TimeSpan TrainingTime);
