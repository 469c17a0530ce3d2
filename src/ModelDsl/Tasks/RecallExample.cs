namespace ModelDsl.Tasks;

/// <summary>
/// One recall example: an input sequence and its labelled positions. The label at input position
/// <c>p</c> is predicted by the model's output at position <c>p − 1</c>, so every label position is at least 1.
/// </summary>
public sealed class RecallExample
{
    /// <summary>Query index of a label that belongs to no query, such as the closing separator of an n-gram query.</summary>
    public const int NoQuery = -1;

    /// <summary>Creates an example and checks that its label arrays line up.</summary>
    /// <param name="inputIds">The L input token ids.</param>
    /// <param name="labelPositions">Labelled input positions, ascending, each in [1, L).</param>
    /// <param name="targets">Target token id of each labelled position.</param>
    /// <param name="queryIndices">
    /// Query of each labelled position, in [0, <paramref name="queryCount"/>), or <see cref="NoQuery"/>.
    /// A query is correct only if every label that belongs to it is predicted correctly.
    /// </param>
    /// <param name="queryCount">Number of queries in the example.</param>
    /// <param name="subtask">The (L, N) subtask the example belongs to.</param>
    public RecallExample(int[] inputIds, int[] labelPositions, int[] targets, int[] queryIndices, int queryCount, RecallSubtask subtask)
    {
        ArgumentNullException.ThrowIfNull(inputIds);
        ArgumentNullException.ThrowIfNull(labelPositions);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(queryIndices);

        if (targets.Length != labelPositions.Length || queryIndices.Length != labelPositions.Length)
        {
            throw new ArgumentException(
                $"An example needs one target and one query index per label position, but it has {labelPositions.Length} positions, " +
                $"{targets.Length} targets and {queryIndices.Length} query indices.");
        }

        for (var i = 0; i < labelPositions.Length; i++)
        {
            var position = labelPositions[i];
            if (position < 1 || position >= inputIds.Length)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(labelPositions),
                    $"Label position {position} is outside [1, {inputIds.Length}); position 0 has no preceding output to predict it.");
            }

            if (i > 0 && position <= labelPositions[i - 1])
            {
                throw new ArgumentException($"Label positions must be ascending and distinct, but {position} follows {labelPositions[i - 1]}.", nameof(labelPositions));
            }

            if (queryIndices[i] < NoQuery || queryIndices[i] >= queryCount)
            {
                throw new ArgumentOutOfRangeException(nameof(queryIndices), $"Query index {queryIndices[i]} is outside [-1, {queryCount}).");
            }
        }

        InputIds = inputIds;
        LabelPositions = labelPositions;
        Targets = targets;
        QueryIndices = queryIndices;
        QueryCount = queryCount;
        Subtask = subtask;
    }

    /// <summary>The L input token ids.</summary>
    public int[] InputIds { get; }

    /// <summary>Labelled input positions, ascending.</summary>
    public int[] LabelPositions { get; }

    /// <summary>Target token id of each labelled position.</summary>
    public int[] Targets { get; }

    /// <summary>Query of each labelled position, or <see cref="NoQuery"/>.</summary>
    public int[] QueryIndices { get; }

    /// <summary>Number of queries.</summary>
    public int QueryCount { get; }

    /// <summary>The (L, N) subtask.</summary>
    public RecallSubtask Subtask { get; }

    /// <summary>Sequence length L.</summary>
    public int Length => InputIds.Length;

    /// <summary>Largest token id among inputs and targets.</summary>
    public int MaxTokenId()
    {
        var max = 0;
        foreach (var id in InputIds)
        {
            max = Math.Max(max, id);
        }

        foreach (var id in Targets)
        {
            max = Math.Max(max, id);
        }

        return max;
    }
}
