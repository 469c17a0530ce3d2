using ModelDsl.Tasks;

namespace ModelDsl.Ablate.Tasks;

/// <summary>MQAR generated on the fly in one layout (standard, last, or shuffle for dispersed pairs).</summary>
public sealed class GeneratedMqarTask(string name, MqarLayout layout, TaskGrid grid, int noiseOffset) : AblationTask
{
    /// <inheritdoc />
    public override string Name => name;

    /// <inheritdoc />
    public override string Summary => $"MQAR, {layout.ToString().ToLowerInvariant()} layout, V = {grid.VocabSize}, generated";

    /// <inheritdoc />
    public override TaskSplits Load(TaskContext context)
    {
        var settings = grid.Subtasks.Select(subtask => new MqarTaskSettings(grid.VocabSize, subtask.SequenceLength, subtask.PairCount, layout, noiseOffset)).ToList();
        foreach (var setting in settings)
        {
            TaskChecks.EnsureFits(Name, setting.SequenceLength, setting.MaxTokenId, context);
        }

        IReadOnlyList<RecallExample> Split(int count, int splitSeed) =>
            settings.SelectMany((setting, index) => MqarGenerator.Generate(setting, count, TaskChecks.SplitSeed(context.Seed, splitSeed, index))).ToList();

        return new TaskSplits(Split(grid.TrainPerSubtask, 1), Split(grid.EvalPerSubtask, 2), Split(grid.EvalPerSubtask, 3));
    }
}
