using ModelDsl.Modules;

namespace ModelDsl.Ablate.Architectures;

/// <summary>A declared architecture the command can train.</summary>
/// <param name="Name">Name on the command line, the declaring class's name.</param>
/// <param name="Description">Compile-time description of the declared model.</param>
/// <param name="Create">Builds a fresh model with the given options.</param>
/// <param name="MaxSequenceLength">Longest sequence the command trains this architecture on, in tokens.</param>
public sealed record ArchitectureEntry(string Name, ModelDescription Description, Func<ModelOptions, MambaLanguageModel> Create, int MaxSequenceLength);
