using ModelDsl.Ablate;
using ModelDsl.Ablate.Architectures;
using Spectre.Console;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, eventArgs) =>
{
    // The first Ctrl+C finishes the current step, writes results of the finished runs and exits.
    eventArgs.Cancel = true;
    cancellation.Cancel();
};

return new AblateCommand(AnsiConsole.Console, ArchitectureRegistry.Default).Run(args, Environment.CurrentDirectory, cancellation.Token);
