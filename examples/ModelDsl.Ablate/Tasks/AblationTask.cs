namespace ModelDsl.Ablate.Tasks;

/// <summary>A recall task of the ablation grid.</summary>
public abstract class AblationTask
{
    /// <summary>Name on the command line.</summary>
    public abstract string Name { get; }

    /// <summary>One-line description for tables and help.</summary>
    public abstract string Summary { get; }

    /// <summary>Whether the task reads the global selection paper's (You et al., 2024) data folder.</summary>
    public virtual bool RequiresData => false;

    /// <summary>Builds or loads the three splits.</summary>
    public abstract TaskSplits Load(TaskContext context);
}
