using ModelDsl.Tasks;
using static TorchSharp.torch;

namespace ModelDsl.Training;

/// <summary>
/// Tensors of one batch of equal-length examples: token ids (B, L), and for every label the sequence index,
/// the output position <c>p − 1</c> that predicts it, and the target id, each (M), int64.
/// </summary>
public sealed class RecallBatch : IDisposable
{
    private RecallBatch(Tensor inputIds, Tensor batchIndex, Tensor positions, Tensor targets, int labelCount)
    {
        InputIds = inputIds;
        BatchIndex = batchIndex;
        Positions = positions;
        Targets = targets;
        LabelCount = labelCount;
    }

    /// <summary>Token ids (B, L).</summary>
    public Tensor InputIds { get; }

    /// <summary>Sequence index of each label, (M).</summary>
    public Tensor BatchIndex { get; }

    /// <summary>Output position of each label, <c>p − 1</c>, (M).</summary>
    public Tensor Positions { get; }

    /// <summary>Target token id of each label, (M).</summary>
    public Tensor Targets { get; }

    /// <summary>Number of labels M.</summary>
    public int LabelCount { get; }

    /// <summary>Number of input tokens B · L.</summary>
    public long TokenCount => InputIds.numel();

    /// <summary>Builds the tensors; every example must have the same length.</summary>
    public static RecallBatch Create(IReadOnlyList<RecallExample> examples)
    {
        ArgumentNullException.ThrowIfNull(examples);
        if (examples.Count == 0)
        {
            throw new ArgumentException("A batch needs at least one example.", nameof(examples));
        }

        var length = examples[0].Length;
        var ids = new long[examples.Count * length];
        var batchIndex = new List<long>();
        var positions = new List<long>();
        var targets = new List<long>();
        for (var b = 0; b < examples.Count; b++)
        {
            var example = examples[b];
            if (example.Length != length)
            {
                throw new ArgumentException($"A batch needs examples of one length, but example {b} has L = {example.Length} and example 0 has L = {length}.", nameof(examples));
            }

            for (var t = 0; t < length; t++)
            {
                ids[(b * length) + t] = example.InputIds[t];
            }

            for (var label = 0; label < example.LabelPositions.Length; label++)
            {
                batchIndex.Add(b);
                positions.Add(example.LabelPositions[label] - 1);
                targets.Add(example.Targets[label]);
            }
        }

        return new RecallBatch(
            tensor(ids, [examples.Count, length], ScalarType.Int64),
            tensor(batchIndex.ToArray(), ScalarType.Int64),
            tensor(positions.ToArray(), ScalarType.Int64),
            tensor(targets.ToArray(), ScalarType.Int64),
            targets.Count);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        InputIds.Dispose();
        BatchIndex.Dispose();
        Positions.Dispose();
        Targets.Dispose();
    }
}
