using ModelDsl.Tasks;
using ModelDsl.Training;

namespace ModelDsl.Ablate.Running;

/// <summary>Outcome of one cell of the grid.</summary>
/// <param name="Architecture">Architecture name.</param>
/// <param name="Task">Task name.</param>
/// <param name="Parameters">Trainable parameters of the model.</param>
/// <param name="StateSize">Floats of recurrent state per sequence during decoding.</param>
/// <param name="Test">Test score of the best validated weights; <c>null</c> when the run stopped before any evaluation.</param>
/// <param name="Training">Training outcome, learning curve included.</param>
public sealed record AblationRunResult(string Architecture, string Task, long Parameters, long StateSize, RecallScore? Test, TrainingResult Training);
