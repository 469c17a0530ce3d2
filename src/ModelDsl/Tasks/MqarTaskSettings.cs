namespace ModelDsl.Tasks;

/// <summary>Settings of one MQAR subtask with single-token keys and values.</summary>
/// <param name="VocabSize">
/// Task vocabulary V: keys come from [1, V/2) and values from [V/2, V).
/// </param>
/// <param name="SequenceLength">Sequence length L.</param>
/// <param name="PairCount">Number of key–value pairs N (and of queries).</param>
/// <param name="Layout">Where the pairs sit.</param>
/// <param name="NoiseOffset">
/// Noise tokens come from [offset, V + offset): 0 gives Zoology's range, 20 the range of the global selection paper's (You et al., 2024) code.
/// </param>
public sealed record MqarTaskSettings(int VocabSize, int SequenceLength, int PairCount, MqarLayout Layout = MqarLayout.Standard, int NoiseOffset = 0)
{
    /// <summary>First position of the query region: 2N for the standard layout, L/2 otherwise.</summary>
    public int QueryRegionStart => Layout == MqarLayout.Standard ? 2 * PairCount : SequenceLength / 2;

    /// <summary>Largest token id an example can contain.</summary>
    public int MaxTokenId => Math.Max(VocabSize - 1, VocabSize + NoiseOffset - 1);

    /// <summary>Throws when the settings cannot produce an example, naming the value and the limit.</summary>
    public void Validate()
    {
        if (VocabSize < 4)
        {
            throw new ArgumentOutOfRangeException(nameof(VocabSize), VocabSize, "The MQAR vocabulary needs at least 4 tokens so that keys and values both have a range.");
        }

        if (PairCount < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(PairCount), PairCount, "An MQAR example needs at least one key–value pair.");
        }

        if (NoiseOffset < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(NoiseOffset), NoiseOffset, "The noise offset must not be negative.");
        }

        var keyCount = VocabSize / 2 - 1;
        if (Layout != MqarLayout.Shuffle && PairCount > keyCount)
        {
            throw new ArgumentOutOfRangeException(nameof(PairCount), PairCount, $"The {Layout} layout draws {PairCount} distinct keys, but a vocabulary of {VocabSize} has only {keyCount}.");
        }

        if (Layout != MqarLayout.Standard && 2 * PairCount > SequenceLength / 2)
        {
            throw new ArgumentOutOfRangeException(nameof(PairCount), PairCount, $"{PairCount} pairs need {2 * PairCount} tokens, more than the first half ({SequenceLength / 2}) of L = {SequenceLength}.");
        }

        var querySlots = (SequenceLength - QueryRegionStart) / 2;
        if (querySlots < PairCount)
        {
            throw new ArgumentOutOfRangeException(nameof(SequenceLength), SequenceLength, $"L = {SequenceLength} leaves {querySlots} query slots, fewer than the {PairCount} queries; use L ≥ 4N.");
        }
    }
}
