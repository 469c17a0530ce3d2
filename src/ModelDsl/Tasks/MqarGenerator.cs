namespace ModelDsl.Tasks;

/// <summary>
/// Generates multi-query associative recall examples (Zoology's MQAR and the global selection paper's (You et al., 2024) position variants).
/// Every query key sits in the query region at offset 2·g, with the gaps g drawn by <see cref="PowerLawGaps"/>,
/// and its value is the label of the next position. Empty positions, label positions included, hold noise.
/// </summary>
public static class MqarGenerator
{
    /// <summary>Generates <paramref name="count"/> examples; the same seed gives the same examples.</summary>
    public static IReadOnlyList<RecallExample> Generate(MqarTaskSettings settings, int count, int seed)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        ArgumentOutOfRangeException.ThrowIfNegative(count);

        var random = new Random(seed);
        var examples = new RecallExample[count];
        for (var i = 0; i < count; i++)
        {
            examples[i] = GenerateOne(settings, random);
        }

        return examples;
    }

    private static RecallExample GenerateOne(MqarTaskSettings settings, Random random)
    {
        var length = settings.SequenceLength;
        var pairs = settings.PairCount;
        var half = settings.VocabSize / 2;
        var distinct = settings.Layout != MqarLayout.Shuffle;

        var keys = Draw(random, 1, half, pairs, distinct);
        var values = Draw(random, half, settings.VocabSize, pairs, distinct);

        var inputs = new int[length];
        Array.Fill(inputs, -1);
        var pairStarts = PairStarts(settings, random);
        for (var pair = 0; pair < pairs; pair++)
        {
            inputs[pairStarts[pair]] = keys[pair];
            inputs[pairStarts[pair] + 1] = values[pair];
        }

        var queryStart = settings.QueryRegionStart;
        var gaps = PowerLawGaps.Sample(random, (length - queryStart) / 2, pairs);
        var labels = new List<(int Position, int Target, int Query)>(pairs);
        for (var query = 0; query < pairs; query++)
        {
            var keyPosition = queryStart + 2 * gaps[query];
            inputs[keyPosition] = keys[query];
            labels.Add((keyPosition + 1, values[query], query));
        }

        for (var position = 0; position < length; position++)
        {
            if (inputs[position] < 0)
            {
                inputs[position] = settings.NoiseOffset + random.Next(settings.VocabSize);
            }
        }

        labels.Sort((a, b) => a.Position.CompareTo(b.Position));
        return new RecallExample(
            inputs,
            labels.Select(label => label.Position).ToArray(),
            labels.Select(label => label.Target).ToArray(),
            labels.Select(label => label.Query).ToArray(),
            pairs,
            new RecallSubtask(length, pairs));
    }

    /// <summary>Returns the position of each pair's key, in pair order.</summary>
    private static int[] PairStarts(MqarTaskSettings settings, Random random)
    {
        var pairs = settings.PairCount;
        var context = settings.SequenceLength / 2;
        return settings.Layout switch
        {
            MqarLayout.Standard => Enumerable.Range(0, pairs).Select(pair => 2 * pair).ToArray(),
            MqarLayout.Last => Enumerable.Range(0, pairs).Select(pair => context - 2 * pairs + 2 * pair).ToArray(),
            MqarLayout.Shuffle => Draw(random, 0, context / 2, pairs, distinct: true).Select(slot => 2 * slot).ToArray(),
            _ => throw new ArgumentOutOfRangeException(nameof(settings), settings.Layout, "Unknown MQAR layout."),
        };
    }

    /// <summary>Draws <paramref name="count"/> ids from [<paramref name="low"/>, <paramref name="high"/>).</summary>
    internal static int[] Draw(Random random, int low, int high, int count, bool distinct)
    {
        if (!distinct)
        {
            return Enumerable.Range(0, count).Select(_ => random.Next(low, high)).ToArray();
        }

        // A partial Fisher–Yates shuffle of the range keeps draws distinct in O(range).
        var pool = Enumerable.Range(low, high - low).ToArray();
        for (var i = 0; i < count; i++)
        {
            var j = random.Next(i, pool.Length);
            (pool[i], pool[j]) = (pool[j], pool[i]);
        }

        return pool[..count];
    }
}
