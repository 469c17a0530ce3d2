using ModelDsl.Tasks;

namespace ModelDsl.Ablate.Tasks;

/// <summary>The (L, N) subtasks and example counts of generated tasks.</summary>
/// <param name="Subtasks">Subtasks to generate.</param>
/// <param name="TrainPerSubtask">Training examples per subtask.</param>
/// <param name="EvalPerSubtask">Validation and test examples per subtask, each.</param>
/// <param name="VocabSize">Task vocabulary V of generated examples.</param>
/// <param name="MaxDataLength">Longest L kept from the global selection paper's (You et al., 2024) data files.</param>
public sealed record TaskGrid(IReadOnlyList<RecallSubtask> Subtasks, int TrainPerSubtask, int EvalPerSubtask, int VocabSize, int MaxDataLength)
{
    /// <summary>Subtasks of length <paramref name="length"/> with N = 1, 2, 4, … up to <paramref name="maxPairs"/>.</summary>
    public static IEnumerable<RecallSubtask> PowersOfTwo(int length, int minPairs, int maxPairs)
    {
        for (var pairs = minPairs; pairs <= maxPairs; pairs *= 2)
        {
            yield return new RecallSubtask(length, pairs);
        }
    }
}
