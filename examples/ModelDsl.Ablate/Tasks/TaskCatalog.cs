using ModelDsl.Ablate.Options;
using ModelDsl.Tasks;

namespace ModelDsl.Ablate.Tasks;

/// <summary>The tasks of each preset, by name.</summary>
public sealed class TaskCatalog
{
    private readonly Dictionary<string, AblationTask> tasks;

    private TaskCatalog(TaskGrid grid, IEnumerable<AblationTask> tasks, IReadOnlyList<string> defaultTasks)
    {
        Grid = grid;
        this.tasks = tasks.ToDictionary(task => task.Name, StringComparer.OrdinalIgnoreCase);
        DefaultTasks = defaultTasks;
    }

    /// <summary>Subtasks and sizes of the generated tasks.</summary>
    public TaskGrid Grid { get; }

    /// <summary>Tasks a run uses when <c>--tasks</c> is not given.</summary>
    public IReadOnlyList<string> DefaultTasks { get; }

    /// <summary>Every task name.</summary>
    public IReadOnlyList<string> Names => tasks.Keys.ToList();

    /// <summary>Builds the catalogue of <paramref name="preset"/>.</summary>
    public static TaskCatalog For(AblatePreset preset)
    {
        // Default: short sequences and a small task vocabulary so that 2-layer models learn within minutes on a CPU.
        // Paper: the global selection paper's (You et al., 2024) grid (N up to L/4 in powers of two, L up to 512), V = 20000 and noise from [20, V + 20).
        var (grid, noiseOffset, defaults) = preset switch
        {
            AblatePreset.Default => (
                new TaskGrid([.. TaskGrid.PowersOfTwo(64, 2, 8)], TrainPerSubtask: 4000, EvalPerSubtask: 50, VocabSize: 256, MaxDataLength: 128),
                0,
                new[] { "mqar", "mqar-shuffle", "ngram-k2v2" }),
            AblatePreset.Paper => (
                new TaskGrid(
                    [.. TaskGrid.PowersOfTwo(64, 1, 16), .. TaskGrid.PowersOfTwo(128, 1, 32), .. TaskGrid.PowersOfTwo(256, 1, 64), .. TaskGrid.PowersOfTwo(512, 1, 128)],
                    TrainPerSubtask: 1000,
                    EvalPerSubtask: 100,
                    VocabSize: 20000,
                    MaxDataLength: 512),
                20,
                new[] { "mqar", "mqar-last", "mqar-shuffle", "ngram-k1v1", "ngram-k1v2", "ngram-k2v2", "robustness" }),
            _ => throw new ArgumentOutOfRangeException(nameof(preset), preset, "Unknown preset."),
        };

        AblationTask[] all =
        [
            new GeneratedMqarTask("mqar", MqarLayout.Standard, grid, noiseOffset),
            new GeneratedMqarTask("mqar-last", MqarLayout.Last, grid, noiseOffset),
            new GeneratedMqarTask("mqar-shuffle", MqarLayout.Shuffle, grid, noiseOffset),
            new PaperDataTask("ngram-k1v1", "ngram-k1v1-standard", "n-gram K = 1, W = 1, paper data", grid.MaxDataLength, grid.EvalPerSubtask),
            new PaperDataTask("ngram-k1v2", "ngram-k1v2-standard", "n-gram K = 1, W = 2, paper data", grid.MaxDataLength, grid.EvalPerSubtask),
            new PaperDataTask("ngram-k2v2", "ngram-k2v2-standard", "n-gram K = 2, W = 2, paper data", grid.MaxDataLength, grid.EvalPerSubtask),
            new GeneratedRobustnessTask(grid),
        ];
        return new TaskCatalog(grid, all, defaults);
    }

    /// <summary>Returns the task named <paramref name="name"/>.</summary>
    /// <exception cref="AblateUsageException">No task has this name; the message lists the valid ones.</exception>
    public AblationTask Get(string name) =>
        tasks.TryGetValue(name, out var task)
            ? task
            : throw new AblateUsageException($"Unknown task '{name}'. Valid tasks: {string.Join(", ", Names)}.");
}
