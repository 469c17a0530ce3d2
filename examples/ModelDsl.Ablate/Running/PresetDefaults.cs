using ModelDsl.Ablate.Options;

namespace ModelDsl.Ablate.Running;

/// <summary>Architectures and training settings a preset uses unless the command line overrides them.</summary>
public sealed record PresetDefaults(IReadOnlyList<string> Architectures, int Steps, int BatchSize, int EvalEvery, double LearningRate, double? EarlyStopAccuracy)
{
    /// <summary>Returns the defaults of <paramref name="preset"/>.</summary>
    public static PresetDefaults For(AblatePreset preset) => preset switch
    {
        // NOTE: sized so that the six default runs finish in well under 10 minutes on a 2-core CPU with the
        // reference scan (measured by hand); a slower machine may need --steps.
        AblatePreset.Default => new(["Mamba2L", "Mamba2LGlobalSelection"], Steps: 300, BatchSize: 32, EvalEvery: 50, LearningRate: 3e-3, EarlyStopAccuracy: 99),

        // The paper's code trains with AdamW at lr 1e-3 and selects checkpoints on validation.
        AblatePreset.Paper => new(["MambaTiny", "MambaTinyGlobalSelection"], Steps: 20000, BatchSize: 32, EvalEvery: 1000, LearningRate: 1e-3, EarlyStopAccuracy: 99),
        _ => throw new ArgumentOutOfRangeException(nameof(preset), preset, "Unknown preset."),
    };
}
