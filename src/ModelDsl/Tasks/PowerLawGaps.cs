namespace ModelDsl.Tasks;

/// <summary>
/// Samples distinct query slots with probability ∝ i^(a − 1), i = slot + 1, as Zoology's MQAR does:
/// most queries land near the key–value pairs, a few far away.
/// </summary>
public static class PowerLawGaps
{
    /// <summary>Exponent a of the power law used by Zoology and by You et al. (2024).</summary>
    public const double DefaultAlpha = 0.01;

    /// <summary>
    /// Draws <paramref name="count"/> distinct slots from [0, <paramref name="slotCount"/>) one after another, each
    /// draw renormalising the weights of the slots still free (sampling without replacement).
    /// </summary>
    public static int[] Sample(Random random, int slotCount, int count, double alpha = DefaultAlpha)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (count > slotCount)
        {
            throw new ArgumentOutOfRangeException(nameof(count), $"Cannot draw {count} distinct query slots from {slotCount} slots.");
        }

        var weights = new double[slotCount];
        for (var slot = 0; slot < slotCount; slot++)
        {
            weights[slot] = Math.Pow(slot + 1, alpha - 1);
        }

        return SampleWeighted(random, weights, count);
    }

    /// <summary>Draws <paramref name="count"/> distinct slots from [0, <paramref name="slotCount"/>) uniformly.</summary>
    public static int[] SampleUniform(Random random, int slotCount, int count)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (count > slotCount)
        {
            throw new ArgumentOutOfRangeException(nameof(count), $"Cannot draw {count} distinct query slots from {slotCount} slots.");
        }

        var weights = new double[slotCount];
        Array.Fill(weights, 1.0);
        return SampleWeighted(random, weights, count);
    }

    private static int[] SampleWeighted(Random random, double[] weights, int count)
    {
        var total = weights.Sum();
        var slots = new int[count];
        for (var draw = 0; draw < count; draw++)
        {
            var threshold = random.NextDouble() * total;
            var chosen = -1;
            var cumulative = 0.0;
            for (var slot = 0; slot < weights.Length; slot++)
            {
                if (weights[slot] == 0)
                {
                    continue;
                }

                chosen = slot;
                cumulative += weights[slot];
                if (threshold < cumulative)
                {
                    break;
                }
            }

            slots[draw] = chosen;
            total -= weights[chosen];
            weights[chosen] = 0;
        }

        return slots;
    }
}
