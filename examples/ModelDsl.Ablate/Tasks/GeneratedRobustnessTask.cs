using ModelDsl.Tasks;

namespace ModelDsl.Ablate.Tasks;

/// <summary>
/// The robustness variant of You et al. (2024), generated: 2-token keys whose last token is shared by every pair, 2-token
/// values and uniform query gaps, on the subtasks of the grid that satisfy N·7 ≤ L/2.
/// </summary>
public sealed class GeneratedRobustnessTask(TaskGrid grid) : AblationTask
{
    /// <inheritdoc />
    public override string Name => "robustness";

    /// <inheritdoc />
    public override string Summary => $"n-gram K = 2, W = 2 with a shared last key token, V = {grid.VocabSize}, generated";

    /// <inheritdoc />
    public override TaskSplits Load(TaskContext context)
    {
        NGramTaskSettings Settings(RecallSubtask subtask, bool train) =>
            new(grid.VocabSize, subtask.SequenceLength, subtask.PairCount, KeyLength: 2, ValueLength: 2, LabelClosingSeparator: train, SharedLastKeyToken: true);

        var subtasks = grid.Subtasks.Where(subtask => Settings(subtask, false).FitsPaperGrid).ToList();
        if (subtasks.Count == 0)
        {
            throw new AblateUsageException($"Task {Name} has no subtask with N·7 ≤ L/2 in this preset's grid.");
        }

        foreach (var subtask in subtasks)
        {
            TaskChecks.EnsureFits(Name, subtask.SequenceLength, Settings(subtask, false).MaxTokenId, context);
        }

        IReadOnlyList<RecallExample> Split(int count, int splitSeed, bool train) =>
            subtasks.SelectMany((subtask, index) => NGramGenerator.Generate(Settings(subtask, train), count, TaskChecks.SplitSeed(context.Seed, splitSeed, index))).ToList();

        return new TaskSplits(Split(grid.TrainPerSubtask, 1, true), Split(grid.EvalPerSubtask, 2, false), Split(grid.EvalPerSubtask, 3, false));
    }
}
