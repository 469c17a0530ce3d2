namespace ModelDsl.Ablate.Tasks;

/// <summary>What a task needs to build its splits.</summary>
/// <param name="DataDirectory">Folder of the global selection paper's (You et al., 2024) JSONL data; <c>null</c> when none was found.</param>
/// <param name="VocabSize">Smallest vocabulary among the architectures of the run; every token id must be below it.</param>
/// <param name="MaxSequenceLength">Shortest maximum sequence length among the architectures of the run.</param>
/// <param name="Seed">Run seed; generated splits derive their seeds from it.</param>
public sealed record TaskContext(string? DataDirectory, int VocabSize, int MaxSequenceLength, int Seed);
