namespace ModelDsl.Tasks;

/// <summary>One (L, N) combination of a recall task: sequence length and number of key–value pairs.</summary>
/// <param name="SequenceLength">Sequence length L, in tokens.</param>
/// <param name="PairCount">Number of key–value pairs N, which is also the number of queries.</param>
public readonly record struct RecallSubtask(int SequenceLength, int PairCount)
{
    /// <inheritdoc />
    public override string ToString() => $"L={SequenceLength} N={PairCount}";
}
