namespace ModelDsl.Training;

/// <summary>Linear warm-up to the peak learning rate, then cosine decay to <c>peak · minRatio</c> at the last step.</summary>
public sealed class LearningRateSchedule
{
    private readonly double peak;
    private readonly int totalSteps;
    private readonly int warmupSteps;
    private readonly double minRatio;

    /// <summary>Creates the schedule; <paramref name="warmupFraction"/> of the steps warm up linearly.</summary>
    public LearningRateSchedule(double peak, int totalSteps, double warmupFraction, double minRatio)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(totalSteps);
        this.peak = peak;
        this.totalSteps = totalSteps;
        warmupSteps = (int)Math.Round(totalSteps * warmupFraction);
        this.minRatio = minRatio;
    }

    /// <summary>Learning rate of the 0-based optimizer step <paramref name="step"/>.</summary>
    public double At(int step)
    {
        if (step < warmupSteps)
        {
            return peak * (step + 1) / warmupSteps;
        }

        var decaySteps = Math.Max(1, totalSteps - warmupSteps - 1);
        var progress = Math.Clamp((double)(step - warmupSteps) / decaySteps, 0, 1);
        var cosine = 0.5 * (1 + Math.Cos(Math.PI * progress));
        return peak * (minRatio + (1 - minRatio) * cosine);
    }
}
