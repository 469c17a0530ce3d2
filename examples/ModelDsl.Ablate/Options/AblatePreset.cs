namespace ModelDsl.Ablate.Options;

/// <summary>A named grid: which architectures, tasks, sizes and step counts a run uses unless options override them.</summary>
public enum AblatePreset
{
    /// <summary>Two 2-layer models on short sequences, sized to finish in minutes on a laptop CPU.</summary>
    Default = 0,

    /// <summary>The grid of You et al. (2024): the 8-layer models on every (L, N) up to L = 512.</summary>
    Paper = 1,
}
