using ModelDsl.Tasks;

namespace ModelDsl.Ablate.Tasks;

/// <summary>
/// An n-gram task read from the global selection paper's (You et al., 2024) JSONL files, <c>{folder}/train.jsonl</c>, <c>valid.jsonl</c> and
/// <c>test.jsonl</c> under the data directory. Lines longer than the preset's maximum L are dropped; lines longer
/// than the architectures support are an error. Validation and test keep the first <c>evalPerSubtask</c> lines of
/// each (L, N) subtask, which bounds the cost of evaluation.
/// </summary>
public sealed class PaperDataTask(string name, string folder, string summary, int maxDataLength, int evalPerSubtask) : AblationTask
{
    /// <inheritdoc />
    public override string Name => name;

    /// <inheritdoc />
    public override string Summary => summary;

    /// <inheritdoc />
    public override bool RequiresData => true;

    /// <inheritdoc />
    public override TaskSplits Load(TaskContext context)
    {
        if (context.DataDirectory is null)
        {
            throw new RecallDataException(folder, null, null, $"task {Name} needs the global selection paper's (You et al., 2024) data; pass the folder that contains {folder}/ with --data.");
        }

        IReadOnlyList<RecallExample> Split(string split, int perSubtask)
        {
            var path = Path.Combine(context.DataDirectory, folder, split + ".jsonl");
            var examples = RecallJsonlLoader.Load(path, context.VocabSize, context.MaxSequenceLength)
                .Where(example => example.Length <= maxDataLength)
                .GroupBy(example => example.Subtask)
                .SelectMany(subtask => subtask.Take(perSubtask))
                .ToList();
            if (examples.Count == 0)
            {
                throw new RecallDataException(path, null, null, $"no example has L ≤ {maxDataLength}, the longest sequence this preset uses.");
            }

            return examples;
        }

        return new TaskSplits(Split("train", int.MaxValue), Split("valid", evalPerSubtask), Split("test", evalPerSubtask));
    }
}
