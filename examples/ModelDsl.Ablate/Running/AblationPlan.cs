using ModelDsl.Ablate.Architectures;
using ModelDsl.Ablate.Options;
using ModelDsl.Ablate.Tasks;
using ModelDsl.Training;

namespace ModelDsl.Ablate.Running;

/// <summary>The resolved grid of a command line: runs, data folder, output folder and global settings.</summary>
public sealed record AblationPlan(
    AblateOptions Options,
    IReadOnlyList<ArchitectureEntry> Architectures,
    IReadOnlyList<AblationTask> Tasks,
    IReadOnlyList<AblationRunSpec> Runs,
    string? DataDirectory,
    string OutputDirectory)
{
    /// <summary>
    /// Resolves <paramref name="options"/> into a plan. Names are checked before any folder is touched, so a typo
    /// costs nothing.
    /// </summary>
    /// <exception cref="AblateUsageException">An architecture or task name is unknown.</exception>
    /// <exception cref="ModelDsl.Tasks.RecallDataException">A task needs data and no data folder is found.</exception>
    public static AblationPlan Create(AblateOptions options, ArchitectureRegistry registry, string currentDirectory, string baseDirectory)
    {
        var catalog = TaskCatalog.For(options.Preset);
        var defaults = PresetDefaults.For(options.Preset);
        var architectures = (options.Architectures ?? defaults.Architectures).Distinct(StringComparer.OrdinalIgnoreCase).Select(registry.Get).ToList();
        var tasks = (options.Tasks ?? catalog.DefaultTasks).Distinct(StringComparer.OrdinalIgnoreCase).Select(catalog.Get).ToList();

        var dataDirectory = tasks.Any(task => task.RequiresData)
            ? DataDirectoryResolver.Resolve(options.DataDirectory, currentDirectory, baseDirectory)
            : null;
        var output = Path.GetFullPath(options.OutputDirectory, currentDirectory);

        var timeLimit = options.TimeLimitSeconds ?? defaults.TimeLimitSeconds;
        var runCount = architectures.Count * tasks.Count;
        var training = new TrainingOptions
        {
            Steps = options.Steps ?? defaults.Steps,
            BatchSize = options.BatchSize ?? defaults.BatchSize,
            EvalEvery = options.EvalEvery ?? defaults.EvalEvery,
            LearningRate = defaults.LearningRate,
            EarlyStopAccuracy = defaults.EarlyStopAccuracy,
            Seed = options.Seed,
            Resume = options.Resume,
            TimeLimit = timeLimit is { } seconds ? TimeSpan.FromSeconds((double)seconds / runCount) : null,
        };

        var runs = tasks
            .SelectMany(task => architectures.Select(architecture => new AblationRunSpec(
                architecture,
                task,
                training with { CheckpointDirectory = Path.Combine(output, "checkpoints", $"{architecture.Name}-{task.Name}") })))
            .ToList();
        return new AblationPlan(options, architectures, tasks, runs, dataDirectory, output);
    }
}
