namespace ModelDsl.Training;

/// <summary>Why a training run ended.</summary>
public enum TrainingStopReason
{
    /// <summary>All steps ran.</summary>
    Completed = 0,

    /// <summary>The validation accuracy reached the early-stop threshold.</summary>
    EarlyStopped = 1,

    /// <summary>The loss became NaN or infinite; the last good checkpoint was kept.</summary>
    NonFiniteLoss = 2,

    /// <summary>The caller cancelled the run.</summary>
    Cancelled = 3,

    /// <summary>The run reached <see cref="TrainingOptions.TimeLimit"/> before its last step.</summary>
    TimeLimitReached = 4,
}
