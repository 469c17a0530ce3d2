using ModelDsl.Ablate.Options;

namespace ModelDsl.Ablate.Running;

/// <summary>Architectures and training settings a preset uses unless the command line overrides them.</summary>
public sealed record PresetDefaults(IReadOnlyList<string> Architectures, int Steps, int BatchSize, int EvalEvery, double LearningRate, double? EarlyStopAccuracy, int? TimeLimitSeconds)
{
    /// <summary>Returns the defaults of <paramref name="preset"/>.</summary>
    public static PresetDefaults For(AblatePreset preset) => preset switch
    {
        // The time limit keeps the six default runs under 10 minutes: 300 s of training plus loading, test
        // evaluation, charts and the overshoot of the last step of each run. On a busy CPU a step can take
        // seconds, so the runs stop long before step 400.
        AblatePreset.Default => new(["Mamba2L", "Mamba2LGlobalSelection"], Steps: 400, BatchSize: 16, EvalEvery: 50, LearningRate: 3e-3, EarlyStopAccuracy: 99, TimeLimitSeconds: 300),

        // The public code of You et al. (2024) trains with AdamW at lr 1e-3 and selects checkpoints on validation.
        AblatePreset.Paper => new(["MambaTiny", "MambaTinyGlobalSelection"], Steps: 20000, BatchSize: 32, EvalEvery: 1000, LearningRate: 1e-3, EarlyStopAccuracy: 99, TimeLimitSeconds: null),
        _ => throw new ArgumentOutOfRangeException(nameof(preset), preset, "Unknown preset."),
    };
}
