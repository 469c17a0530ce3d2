using ModelDsl.Tasks;

namespace ModelDsl.Ablate.Tasks;

/// <summary>Training, validation and test examples of one task.</summary>
public sealed record TaskSplits(IReadOnlyList<RecallExample> Train, IReadOnlyList<RecallExample> Valid, IReadOnlyList<RecallExample> Test);
