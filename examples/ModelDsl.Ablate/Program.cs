using ModelDsl.Ablate;
using ModelDsl.Ablate.Architectures;
using Spectre.Console;

// Redirected output has no terminal width; Spectre.Console then assumes 80 columns and wraps the
// results table into unreadable cells, so give files and pipes a width that fits the table.
if (Console.IsOutputRedirected)
{
    AnsiConsole.Profile.Width = 160;
}

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, eventArgs) =>
{
    // The first Ctrl+C finishes the current step, writes results of the finished runs and exits.
    eventArgs.Cancel = true;
    cancellation.Cancel();
};

// Error messages go to standard error, so a redirected standard output contains only progress and results.
var errors = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
return new AblateCommand(AnsiConsole.Console, ArchitectureRegistry.Default, errors).Run(args, Environment.CurrentDirectory, cancellation.Token);
