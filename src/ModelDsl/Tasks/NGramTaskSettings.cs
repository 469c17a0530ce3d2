namespace ModelDsl.Tasks;

/// <summary>
/// Settings of one n-gram recall subtask of You et al. (2024): K-token keys and W-token values, written as
/// <c>10 k1..kK 11 v1..vW 10</c> with queries <c>10 k1..kK 11 12..12 10</c>.
/// </summary>
/// <param name="VocabSize">
/// Task vocabulary V: keys come from [20, V/2 + 20), values and noise from the ranges [V/2 + 20, V + 20)
/// and [20, V + 20), so token ids reach V + 19.
/// </param>
/// <param name="SequenceLength">Sequence length L.</param>
/// <param name="PairCount">Number of pairs N (and of queries).</param>
/// <param name="KeyLength">Key tokens K.</param>
/// <param name="ValueLength">Value tokens W.</param>
/// <param name="LabelClosingSeparator">Whether the closing 10 of each query is labelled too, as in the global selection paper's (You et al., 2024) training split.</param>
/// <param name="SharedLastKeyToken">
/// Robustness variant: the last key token is the same for every pair of an example and query gaps are
/// uniform, so the token before the separator cannot tell pairs apart.
/// </param>
public sealed record NGramTaskSettings(
    int VocabSize,
    int SequenceLength,
    int PairCount,
    int KeyLength,
    int ValueLength,
    bool LabelClosingSeparator = false,
    bool SharedLastKeyToken = false)
{
    /// <summary>Separator that opens and closes every pair and query.</summary>
    public const int PairSeparator = 10;

    /// <summary>Separator between key and value.</summary>
    public const int KeyValueSeparator = 11;

    /// <summary>Mask token at the value positions of a query.</summary>
    public const int MaskToken = 12;

    /// <summary>First token id of keys, values and noise.</summary>
    public const int TokenOffset = 20;

    /// <summary>Tokens of one pair or query slot, 3 + K + W.</summary>
    public int SlotLength => 3 + KeyLength + ValueLength;

    /// <summary>Largest token id an example can contain, V + 19.</summary>
    public int MaxTokenId => VocabSize + TokenOffset - 1;

    /// <summary>Whether You et al. (2024) keeps this (L, N): it skips configurations with N·(3 + K + W) > L/2.</summary>
    public bool FitsPaperGrid => PairCount * SlotLength <= SequenceLength / 2;

    /// <summary>Throws when the settings cannot produce an example, naming the value and the limit.</summary>
    public void Validate()
    {
        if (VocabSize < 4)
        {
            throw new ArgumentOutOfRangeException(nameof(VocabSize), VocabSize, "The n-gram vocabulary needs at least 4 tokens so that keys and values both have a range.");
        }

        if (PairCount < 1 || KeyLength < 1 || ValueLength < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(PairCount), $"N, K and W must be at least 1, but they are {PairCount}, {KeyLength} and {ValueLength}.");
        }

        if (SharedLastKeyToken && KeyLength < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(KeyLength), KeyLength, "The robustness variant shares the last key token, so it needs K ≥ 2.");
        }

        if (!FitsPaperGrid)
        {
            throw new ArgumentOutOfRangeException(
                nameof(PairCount),
                PairCount,
                $"N·(3 + K + W) = {PairCount * SlotLength} exceeds L/2 = {SequenceLength / 2}; use fewer pairs or a longer sequence.");
        }
    }
}
