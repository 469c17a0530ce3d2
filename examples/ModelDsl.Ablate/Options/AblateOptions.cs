using ModelDsl.Kernels;

namespace ModelDsl.Ablate.Options;

/// <summary>Parsed command line of <c>ablate</c>; <c>null</c> means "the preset decides".</summary>
public sealed record AblateOptions
{
    /// <summary>Grid and sizes to start from.</summary>
    public AblatePreset Preset { get; init; } = AblatePreset.Default;

    /// <summary>Optimizer steps per run.</summary>
    public int? Steps { get; init; }

    /// <summary>Sequences per batch.</summary>
    public int? BatchSize { get; init; }

    /// <summary>Steps between validations.</summary>
    public int? EvalEvery { get; init; }

    /// <summary>Wall-clock limit of all training together, in seconds, shared equally by the runs.</summary>
    public int? TimeLimitSeconds { get; init; }

    /// <summary>Seed of data generation, initialisation and batch order.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Output folder for results, charts and checkpoints.</summary>
    public string OutputDirectory { get; init; } = "runs/ablate";

    /// <summary>Folder that contains the published n-gram JSONL data of You et al. (2024) (<c>ngram-k2v2-standard/train.jsonl</c> and so on).</summary>
    public string? DataDirectory { get; init; }

    /// <summary>TorchSharp intra-op threads.</summary>
    public int? Threads { get; init; }

    /// <summary>Selective-scan implementation of every model.</summary>
    public ScanPath ScanPath { get; init; } = ScanPath.Fused;

    /// <summary>Backend of the fused scan; <c>null</c> leaves the choice to <c>MODELDSL_SCAN_BACKEND</c> or auto-detection.</summary>
    public ScanBackendKind? Backend { get; init; }

    /// <summary>Architecture names to train.</summary>
    public IReadOnlyList<string>? Architectures { get; init; }

    /// <summary>Task names to train on.</summary>
    public IReadOnlyList<string>? Tasks { get; init; }

    /// <summary>Whether to continue each run from its last checkpoint in the output folder.</summary>
    public bool Resume { get; init; }

    /// <summary>Whether to log every evaluation, not only warnings and errors.</summary>
    public bool Verbose { get; init; }

    /// <summary>Whether to print the usage text and exit.</summary>
    public bool ShowHelp { get; init; }
}
