namespace ModelDsl.Training;

/// <summary>One point of a learning curve.</summary>
/// <param name="Step">Optimizer steps completed.</param>
/// <param name="Loss">Mean training loss over the steps since the previous entry.</param>
/// <param name="LearningRate">Learning rate of the last of those steps.</param>
/// <param name="ValidationAccuracy">Mean validation query accuracy in percent, when evaluated at this step.</param>
/// <param name="ValidationTokenAccuracy">Validation token accuracy in percent, when evaluated at this step.</param>
public sealed record TrainingLogEntry(int Step, double Loss, double LearningRate, double? ValidationAccuracy, double? ValidationTokenAccuracy);
