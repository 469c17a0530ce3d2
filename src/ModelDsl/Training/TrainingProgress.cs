namespace ModelDsl.Training;

/// <summary>Snapshot of a running training loop, reported after every step.</summary>
/// <param name="Step">Optimizer steps completed.</param>
/// <param name="TotalSteps">Steps planned.</param>
/// <param name="Loss">Loss of the latest step.</param>
/// <param name="LearningRate">Learning rate of the latest step.</param>
/// <param name="ValidationAccuracy">Latest mean validation query accuracy in percent, if evaluated yet.</param>
/// <param name="TokensPerSecond">Input tokens processed per second of training, averaged over this session.</param>
/// <param name="Elapsed">Training time so far, resumed time included.</param>
/// <param name="Remaining">
/// Estimated time to the last step, from the average step time of this session, or the time left before
/// <see cref="TrainingOptions.TimeLimit"/> when that is sooner.
/// </param>
public sealed record TrainingProgress(
    int Step,
    int TotalSteps,
    double Loss,
    double LearningRate,
    double? ValidationAccuracy,
    double TokensPerSecond,
    TimeSpan Elapsed,
    TimeSpan Remaining);
