using ModelDsl.Ablate.Architectures;
using ModelDsl.Ablate.Tasks;
using ModelDsl.Training;

namespace ModelDsl.Ablate.Running;

/// <summary>One cell of the grid: an architecture trained on a task.</summary>
/// <param name="Architecture">The architecture.</param>
/// <param name="Task">The task.</param>
/// <param name="Training">Training settings, the checkpoint folder of this cell included.</param>
public sealed record AblationRunSpec(ArchitectureEntry Architecture, AblationTask Task, TrainingOptions Training)
{
    /// <summary>Label for logs and progress, "architecture × task".</summary>
    public string Label => $"{Architecture.Name} × {Task.Name}";
}
