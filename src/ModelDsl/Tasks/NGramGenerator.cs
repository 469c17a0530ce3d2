namespace ModelDsl.Tasks;

/// <summary>
/// Generates the global selection paper's (You et al., 2024) n-gram recall examples (standard layout and the robustness variant). Pairs sit back
/// to back from position 0. Queries use slots of the pair's length after the pairs, placed with power-law
/// gaps (uniform gaps for the robustness variant). Every other position contains a noise token.
/// </summary>
public static class NGramGenerator
{
    /// <summary>Generates <paramref name="count"/> examples; the same seed gives the same examples.</summary>
    public static IReadOnlyList<RecallExample> Generate(NGramTaskSettings settings, int count, int seed)
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

    private static RecallExample GenerateOne(NGramTaskSettings settings, Random random)
    {
        var (length, pairs, keyLength, valueLength) = (settings.SequenceLength, settings.PairCount, settings.KeyLength, settings.ValueLength);
        var offset = NGramTaskSettings.TokenOffset;
        var half = settings.VocabSize / 2;
        var slot = settings.SlotLength;

        var keys = new int[pairs][];
        var values = new int[pairs][];
        var sharedLastToken = random.Next(offset, half + offset);
        for (var pair = 0; pair < pairs; pair++)
        {
            keys[pair] = MqarGenerator.Draw(random, offset, half + offset, keyLength, distinct: false);
            if (settings.SharedLastKeyToken)
            {
                keys[pair][^1] = sharedLastToken;
            }

            values[pair] = MqarGenerator.Draw(random, half + offset, settings.VocabSize + offset, valueLength, distinct: false);
        }

        var inputs = new int[length];
        Array.Fill(inputs, -1);
        for (var pair = 0; pair < pairs; pair++)
        {
            WriteSlot(inputs, pair * slot, keys[pair], values[pair]);
        }

        var queryStart = pairs * slot;
        var slotCount = (length - queryStart) / slot;
        var gaps = settings.SharedLastKeyToken
            ? PowerLawGaps.SampleUniform(random, slotCount, pairs)
            : PowerLawGaps.Sample(random, slotCount, pairs);

        var labels = new List<(int Position, int Target, int Query)>();
        for (var query = 0; query < pairs; query++)
        {
            var start = queryStart + gaps[query] * slot;
            var masked = Enumerable.Repeat(NGramTaskSettings.MaskToken, valueLength).ToArray();
            WriteSlot(inputs, start, keys[query], masked);

            var firstValue = start + 2 + keyLength;
            for (var v = 0; v < valueLength; v++)
            {
                labels.Add((firstValue + v, values[query][v], query));
            }

            if (settings.LabelClosingSeparator)
            {
                labels.Add((firstValue + valueLength, NGramTaskSettings.PairSeparator, RecallExample.NoQuery));
            }
        }

        for (var position = 0; position < length; position++)
        {
            if (inputs[position] < 0)
            {
                inputs[position] = random.Next(offset, settings.VocabSize + offset);
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

    /// <summary>Writes <c>10 key 11 value 10</c> at <paramref name="start"/>.</summary>
    private static void WriteSlot(int[] inputs, int start, int[] key, int[] value)
    {
        var position = start;
        inputs[position++] = NGramTaskSettings.PairSeparator;
        foreach (var token in key)
        {
            inputs[position++] = token;
        }

        inputs[position++] = NGramTaskSettings.KeyValueSeparator;
        foreach (var token in value)
        {
            inputs[position++] = token;
        }

        inputs[position] = NGramTaskSettings.PairSeparator;
    }
}
