using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using ModelDsl.Ablate.Architectures;
using ModelDsl.Ablate.Options;
using ModelDsl.Ablate.Reporting;
using ModelDsl.Ablate.Running;
using ModelDsl.Kernels;
using ModelDsl.Tasks;
using ModelDsl.Training;
using Spectre.Console;

namespace ModelDsl.Ablate;

/// <summary>
/// The <c>ablate</c> command: parse options, resolve the plan, check the output folder and load every task, then
/// train each architecture × task with live progress, and write the results table, files and charts.
/// </summary>
/// <param name="console">Where progress, results and help go.</param>
/// <param name="registry">The declared architectures.</param>
/// <param name="errors">Where error messages go; <paramref name="console"/> when not given.</param>
public sealed class AblateCommand(IAnsiConsole console, ArchitectureRegistry registry, IAnsiConsole? errors = null)
{
    /// <summary>Exit code of a run that completed.</summary>
    public const int Success = 0;

    /// <summary>Exit code when a run stopped on a NaN or infinite loss; the other runs still complete.</summary>
    public const int RunFailed = 1;

    /// <summary>Exit code of invalid arguments: an unknown option, architecture or task, or a bad value.</summary>
    public const int InvalidArguments = 2;

    /// <summary>Exit code of missing, unreadable or malformed data.</summary>
    public const int InvalidData = 3;

    /// <summary>Exit code of an output folder that cannot be written.</summary>
    public const int OutputNotWritable = 4;

    /// <summary>Runs the command with <paramref name="args"/> relative to <paramref name="currentDirectory"/> and returns the exit code.</summary>
    public int Run(IReadOnlyList<string> args, string currentDirectory, CancellationToken cancellationToken = default)
    {
        AblateOptions options;
        try
        {
            options = AblateOptionsParser.Parse(args);
        }
        catch (AblateUsageException exception)
        {
            return Fail(InvalidArguments, exception.Message);
        }

        if (options.ShowHelp)
        {
            console.WriteLine(AblateOptionsParser.Usage);
            console.WriteLine($"Architectures: {string.Join(", ", registry.Names)}");
            console.WriteLine($"Tasks: {string.Join(", ", TaskCatalogNames())}");
            return Success;
        }

        using var loggerFactory = LoggerFactory.Create(builder => builder
            .SetMinimumLevel(options.Verbose ? LogLevel.Information : LogLevel.Warning)
            .AddFilter("ModelDsl.Kernels", LogLevel.Information)
            .AddSimpleConsole(formatter => formatter.SingleLine = true)
            .AddConsole(settings => settings.LogToStandardErrorThreshold = LogLevel.Trace));
        var logger = loggerFactory.CreateLogger("ablate");
        using var libraryLogging = new LibraryLoggingScope(loggerFactory);

        AblationPlan plan;
        IReadOnlyDictionary<string, Tasks.TaskSplits> splits;
        var runner = new AblationRunner(logger);
        try
        {
            plan = AblationPlan.Create(options, registry, currentDirectory, AppContext.BaseDirectory);
            if (options.Backend is { } backend)
            {
                ScanBackendSelector.Configure(backend);
            }

            // Data first: a data error then leaves no output folder behind.
            splits = runner.LoadTasks(plan);
            OutputFolder.EnsureWritable(plan.OutputDirectory);
        }
        catch (AblateUsageException exception)
        {
            return Fail(InvalidArguments, exception.Message);
        }
        catch (RecallDataException exception)
        {
            return Fail(InvalidData, exception.Message);
        }
        catch (OutputFolderException exception)
        {
            return Fail(OutputNotWritable, exception.Message);
        }

        console.MarkupLine($"[bold]ablate[/]: {plan.Runs.Count} runs ({Markup.Escape(string.Join(", ", plan.Architectures.Select(a => a.Name)))} × {Markup.Escape(string.Join(", ", plan.Tasks.Select(t => t.Name)))}), {plan.Runs[0].Training.Steps} steps each, output {Markup.Escape(plan.OutputDirectory)}");

        IReadOnlyList<AblationRunResult> results = [];
        if (console.Profile.Capabilities.Interactive)
        {
            console.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .Start(context => results = runner.Run(plan, splits, new SpectreProgressObserver(context), cancellationToken));
        }
        else
        {
            results = runner.Run(plan, splits, new PlainTextObserver(console), cancellationToken);
        }

        console.Write(ResultsTable.Build(results));
        var written = ResultsWriter.Write(plan.OutputDirectory, plan, results).Concat(ChartWriter.Write(plan.OutputDirectory, results));
        foreach (var path in written)
        {
            console.MarkupLine($"wrote [blue]{Markup.Escape(path)}[/]");
        }

        var failed = results.Where(result => result.Training.StopReason == TrainingStopReason.NonFiniteLoss).ToList();
        foreach (var result in failed)
        {
            (errors ?? console).MarkupLine($"[red]error:[/] {Markup.Escape($"{result.Architecture} × {result.Task}: {result.Training.Message}")}");
        }

        return failed.Count > 0 ? RunFailed : Success;
    }

    private static IEnumerable<string> TaskCatalogNames() => Tasks.TaskCatalog.For(AblatePreset.Paper).Names;

    private int Fail(int exitCode, string message)
    {
        (errors ?? console).MarkupLine($"[red]error:[/] {Markup.Escape(message)}");
        return exitCode;
    }

    /// <summary>
    /// Routes the ModelDsl library's logs (such as the scan backend choice) to the command's logger
    /// factory until disposed, then restores the previous factory, so no disposed factory stays behind.
    /// </summary>
    private sealed class LibraryLoggingScope : IDisposable
    {
        private readonly ILoggerFactory previous = ModelDslLogging.LoggerFactory;

        public LibraryLoggingScope(ILoggerFactory factory)
        {
            ModelDslLogging.LoggerFactory = factory;
        }

        public void Dispose() => ModelDslLogging.LoggerFactory = previous;
    }
}
