using ModelDsl.Tasks;

namespace ModelDsl.Ablate.Tasks;

/// <summary>Shared checks and seed derivation of the generated tasks.</summary>
internal static class TaskChecks
{
    /// <summary>Throws when a generated subtask would not fit the architectures of the run.</summary>
    public static void EnsureFits(string task, int sequenceLength, int maxTokenId, TaskContext context)
    {
        if (maxTokenId >= context.VocabSize)
        {
            throw new RecallDataException(task, null, null, $"token id {maxTokenId} is not below the vocabulary size {context.VocabSize}; use architectures with a vocabulary of at least {maxTokenId + 1}.");
        }

        if (sequenceLength > context.MaxSequenceLength)
        {
            throw new RecallDataException(task, null, null, $"sequence length {sequenceLength} exceeds the {context.MaxSequenceLength} tokens the architectures support.");
        }
    }

    /// <summary>Seed of one split of one subtask, distinct for every (run seed, split, subtask).</summary>
    public static int SplitSeed(int seed, int split, int subtask) => unchecked((seed * 7919) + (split * 104729) + subtask);
}
