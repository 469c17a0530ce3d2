namespace ModelDsl.Training;

/// <summary>Settings of one training run of a recall model.</summary>
public sealed record TrainingOptions
{
    /// <summary>Optimizer steps in total.</summary>
    public int Steps { get; init; } = 1000;

    /// <summary>Sequences per batch; every batch contains sequences of one length.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Peak learning rate, reached at the end of the warm-up.</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>Fraction of <see cref="Steps"/> spent on the linear warm-up, in [0, 1).</summary>
    public double WarmupFraction { get; init; } = 0.1;

    /// <summary>Learning rate at the end of the cosine decay, as a fraction of the peak.</summary>
    public double MinLearningRateRatio { get; init; } = 0.1;

    /// <summary>Decoupled weight decay of every parameter not exempted by the model (biases, norms, <c>A_log</c>, <c>D</c>).</summary>
    public double WeightDecay { get; init; } = 0.1;

    /// <summary>AdamW β1.</summary>
    public double Beta1 { get; init; } = 0.9;

    /// <summary>AdamW β2.</summary>
    public double Beta2 { get; init; } = 0.95;

    /// <summary>Maximum global gradient L2 norm; <c>null</c> disables clipping.</summary>
    public double? GradientClipNorm { get; init; } = 1.0;

    /// <summary>Steps between evaluations on the validation split; the last step is always evaluated.</summary>
    public int EvalEvery { get; init; } = 100;

    /// <summary>Sequences per evaluation batch.</summary>
    public int EvalBatchSize { get; init; } = 64;

    /// <summary>Stop once the mean validation query accuracy reaches this value, in percent; <c>null</c> never stops early.</summary>
    public double? EarlyStopAccuracy { get; init; }

    /// <summary>
    /// Wall-clock limit of the run, evaluations included; when reached, the run validates once more and stops.
    /// <c>null</c> means no limit. A limit makes the number of steps depend on the machine's speed.
    /// </summary>
    public TimeSpan? TimeLimit { get; init; }

    /// <summary>Seed of the batch order and of TorchSharp's global generator.</summary>
    public long Seed { get; init; }

    /// <summary>Folder for the best and the last checkpoint; <c>null</c> keeps no checkpoints.</summary>
    public string? CheckpointDirectory { get; init; }

    /// <summary>Whether to continue from the last checkpoint in <see cref="CheckpointDirectory"/>, when one exists.</summary>
    public bool Resume { get; init; }

    /// <summary>Throws when a setting is out of range, naming it and its value.</summary>
    public void Validate()
    {
        Require(Steps >= 1, nameof(Steps), Steps, "at least 1");
        Require(BatchSize >= 1, nameof(BatchSize), BatchSize, "at least 1");
        Require(EvalBatchSize >= 1, nameof(EvalBatchSize), EvalBatchSize, "at least 1");
        Require(EvalEvery >= 1, nameof(EvalEvery), EvalEvery, "at least 1");
        Require(LearningRate > 0 && double.IsFinite(LearningRate), nameof(LearningRate), LearningRate, "positive");
        Require(WarmupFraction is >= 0 and < 1, nameof(WarmupFraction), WarmupFraction, "in [0, 1)");
        Require(MinLearningRateRatio is >= 0 and <= 1, nameof(MinLearningRateRatio), MinLearningRateRatio, "in [0, 1]");
        Require(WeightDecay >= 0, nameof(WeightDecay), WeightDecay, "non-negative");
        Require(Beta1 is >= 0 and < 1, nameof(Beta1), Beta1, "in [0, 1)");
        Require(Beta2 is >= 0 and < 1, nameof(Beta2), Beta2, "in [0, 1)");
        Require(GradientClipNorm is null or > 0, nameof(GradientClipNorm), GradientClipNorm ?? 0, "positive or null");
        Require(TimeLimit is null || TimeLimit > TimeSpan.Zero, nameof(TimeLimit), TimeLimit ?? TimeSpan.Zero, "positive or null");
        Require(!Resume || CheckpointDirectory is not null, nameof(Resume), Resume, "false unless a checkpoint directory is set");
    }

    private static void Require(bool condition, string name, object value, string expected)
    {
        if (!condition)
        {
            throw new ArgumentOutOfRangeException(name, value, $"Training option {name} must be {expected}, but it is {value}.");
        }
    }
}
