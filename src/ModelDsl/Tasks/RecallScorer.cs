namespace ModelDsl.Tasks;

/// <summary>
/// Scores predictions as You et al. (2024) does: a query is correct only if all its value tokens are right, accuracy
/// is computed per (L, N) subtask, and the headline is the unweighted mean over subtasks. Token accuracy
/// over labelled positions (Zoology's metric) is reported beside it.
/// </summary>
public static class RecallScorer
{
    /// <summary>Scores <paramref name="predictions"/>, one array per example aligned with its label positions.</summary>
    public static RecallScore Score(IReadOnlyList<RecallExample> examples, IReadOnlyList<int[]> predictions)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(predictions);
        if (examples.Count != predictions.Count)
        {
            throw new ArgumentException($"Expected one prediction array per example ({examples.Count}) but got {predictions.Count}.", nameof(predictions));
        }

        var totals = new SortedDictionary<RecallSubtask, int[]>(Comparer<RecallSubtask>.Create(CompareSubtasks));
        for (var i = 0; i < examples.Count; i++)
        {
            var example = examples[i];
            var predicted = predictions[i];
            if (predicted.Length != example.Targets.Length)
            {
                throw new ArgumentException($"Example {i} has {example.Targets.Length} labels but {predicted.Length} predictions.", nameof(predictions));
            }

            if (!totals.TryGetValue(example.Subtask, out var counts))
            {
                counts = new int[4];
                totals[example.Subtask] = counts;
            }

            var queryCorrect = Enumerable.Repeat(true, example.QueryCount).ToArray();
            for (var label = 0; label < predicted.Length; label++)
            {
                var correct = predicted[label] == example.Targets[label];
                counts[2]++;
                counts[3] += correct ? 1 : 0;

                var query = example.QueryIndices[label];
                if (query != RecallExample.NoQuery && !correct)
                {
                    queryCorrect[query] = false;
                }
            }

            counts[0] += example.QueryCount;
            counts[1] += queryCorrect.Count(correct => correct);
        }

        return new RecallScore(totals.Select(pair => new SubtaskScore(pair.Key, pair.Value[0], pair.Value[1], pair.Value[2], pair.Value[3])).ToList());
    }

    private static int CompareSubtasks(RecallSubtask a, RecallSubtask b)
    {
        var byLength = a.SequenceLength.CompareTo(b.SequenceLength);
        return byLength != 0 ? byLength : a.PairCount.CompareTo(b.PairCount);
    }
}
