using ModelDsl.Ablate;
using ModelDsl.Ablate.Architectures;
using Spectre.Console;

namespace ModelDsl.Tests.Ablate;

/// <summary>Runs the ablate command in-process against a recording console and a temporary folder.</summary>
internal sealed class CommandHarness : IDisposable
{
    public CommandHarness()
    {
        Folder = Path.Combine(Path.GetTempPath(), "modeldsl-ablate-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    public string Output { get; private set; } = string.Empty;

    /// <summary>What the command wrote to its error console (standard error in the real program).</summary>
    public string Errors { get; private set; } = string.Empty;

    public static string FixtureData => Path.Combine(AppContext.BaseDirectory, "Fixtures", "paper-mqar");

    public int Run(params string[] args)
    {
        var writer = new StringWriter();
        var errorWriter = new StringWriter();
        var exitCode = new AblateCommand(Recording(writer), ArchitectureRegistry.Default, Recording(errorWriter)).Run(args, Folder);
        Output = writer.ToString();
        Errors = errorWriter.ToString();
        return exitCode;
    }

    private static IAnsiConsole Recording(StringWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 400;
        return console;
    }

    /// <summary>Copies the fixture data into the temporary folder, replacing <paramref name="split"/> of k2v2 with <paramref name="contents"/>.</summary>
    public string DataWith(string split, string? contents)
    {
        var data = Path.Combine(Folder, "data");
        var task = Path.Combine(data, "ngram-k2v2-standard");
        Directory.CreateDirectory(task);
        foreach (var name in new[] { "train", "valid", "test" })
        {
            File.Copy(Path.Combine(FixtureData, "ngram-k2v2-standard", name + ".jsonl"), Path.Combine(task, name + ".jsonl"));
        }

        var path = Path.Combine(task, split + ".jsonl");
        if (contents is null)
        {
            File.Delete(path);
        }
        else
        {
            File.WriteAllText(path, contents);
        }

        return data;
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
