using ModelDsl.Tasks;

namespace ModelDsl.Training;

/// <summary>
/// Deterministic batch order: every epoch shuffles the examples of each sequence length, cuts them into
/// batches of one length, and shuffles the batches. The order of epoch e depends only on the seed and e,
/// so a resumed run gets the same batches as an uninterrupted one.
/// </summary>
public sealed class LengthBatcher
{
    private readonly IReadOnlyList<RecallExample> examples;
    private readonly int batchSize;
    private readonly long seed;
    private readonly int[][] groups;
    private int cachedEpoch = -1;
    private List<int[]> cachedBatches = [];

    /// <summary>Creates the batcher over <paramref name="examples"/>.</summary>
    public LengthBatcher(IReadOnlyList<RecallExample> examples, int batchSize, long seed)
    {
        ArgumentNullException.ThrowIfNull(examples);
        if (examples.Count == 0)
        {
            throw new ArgumentException("The training set is empty; it needs at least one example.", nameof(examples));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        this.examples = examples;
        this.batchSize = batchSize;
        this.seed = seed;
        groups = Enumerable.Range(0, examples.Count)
            .GroupBy(index => examples[index].Length)
            .OrderBy(group => group.Key)
            .Select(group => group.ToArray())
            .ToArray();
        BatchesPerEpoch = groups.Sum(group => (group.Length + batchSize - 1) / batchSize);
    }

    /// <summary>Batches in one pass over the examples.</summary>
    public int BatchesPerEpoch { get; }

    /// <summary>Example indices of the batch used at the 0-based optimizer step <paramref name="step"/>.</summary>
    public int[] BatchAt(int step)
    {
        var epoch = step / BatchesPerEpoch;
        if (epoch != cachedEpoch)
        {
            cachedBatches = PlanEpoch(epoch);
            cachedEpoch = epoch;
        }

        return cachedBatches[step % BatchesPerEpoch];
    }

    /// <summary>The examples of <see cref="BatchAt"/>.</summary>
    public IReadOnlyList<RecallExample> ExamplesAt(int step) => BatchAt(step).Select(index => examples[index]).ToArray();

    private List<int[]> PlanEpoch(int epoch)
    {
        // HashCode.Combine is randomised per process, so the epoch seed is mixed by hand.
        var random = new Random((int)(unchecked((seed * 1_000_003) + epoch) & int.MaxValue));
        var batches = new List<int[]>(BatchesPerEpoch);
        foreach (var group in groups)
        {
            var shuffled = group.ToArray();
            random.Shuffle(shuffled);
            batches.AddRange(shuffled.Chunk(batchSize));
        }

        var order = batches.ToArray();
        random.Shuffle(order);
        return [.. order];
    }
}
