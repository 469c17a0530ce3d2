using ModelDsl.Kernels;
using System.Globalization;

namespace ModelDsl.Ablate.Options;

/// <summary>Parses <c>ablate</c>'s arguments; accepts <c>--name value</c> and <c>--name=value</c>.</summary>
public static class AblateOptionsParser
{
    /// <summary>Usage text printed by <c>--help</c>.</summary>
    public const string Usage = """
        Usage: ablate [options]

        Trains every architecture on every task and compares their recall accuracy.

        Options:
          --preset default|paper   Grid and sizes (default: default). 'default' trains Mamba2L and
                                   Mamba2LGlobalSelection on mqar, mqar-shuffle and ngram-k2v2 with L <= 128;
                                   'paper' trains MambaTiny and MambaTinyGlobalSelection on every task with L <= 512.
          --archs A,B              Architectures to train (see the list below).
          --tasks T,U              Tasks to train on (see the list below).
          --steps N                Optimizer steps per run (default preset: 1500, paper: 20000).
          --batch-size N           Sequences per batch (default preset: 16, paper: 32).
          --eval-every N           Steps between validations (default preset: 100, paper: 1000).
          --time-limit SECONDS     Wall-clock limit of all training together, shared equally by the runs;
                                   a run that reaches its share stops early (default preset: 480, paper: none).
          --seed N                 Seed of data, initialisation and batch order (default: 1).
          --out DIR                Output folder (default: runs/ablate).
          --data DIR               Folder with the global selection paper's (You et al., 2024) JSONL data (ngram-k2v2-standard/train.jsonl, ...).
                                   Default: data/paper-mqar or examples/data/paper-mqar in the current folder
                                   or a parent of it.
          --threads N              TorchSharp intra-op threads (default: TorchSharp's choice).
          --scan fused|reference   Selective-scan implementation (default: fused).
          --backend NAME           Where the fused scan runs: auto, cpu-vectorised, ilgpu-cpu or ilgpu-cuda
                                   (default: the MODELDSL_SCAN_BACKEND environment variable, else auto:
                                   CUDA through ILGPU when a device is found, else cpu-vectorised).
          --resume                 Continue each run from its last checkpoint in --out.
          --verbose                Log every evaluation to standard error.
          --help                   Print this text.

        Model sizes are fixed by the declared classes, so --d-model and --layers are not options: pick a
        declared architecture with --archs instead.

        Exit codes: 0 success, 1 a run stopped on a NaN or infinite loss, 2 invalid arguments,
        3 invalid or missing data, 4 output folder not writable.
        """;

    /// <summary>Parses <paramref name="args"/>.</summary>
    /// <exception cref="AblateUsageException">An option is unknown, lacks its value or has an invalid value.</exception>
    public static AblateOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new AblateOptions();
        var seenOptions = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var (name, inlineValue) = Split(args[i]);

            // A repeated option is most likely a mistake in a long command line, so it is rejected rather than overridden.
            if (name.StartsWith("--", StringComparison.Ordinal) && !seenOptions.Add(name))
            {
                throw new AblateUsageException($"Option {name} is given more than once; give it once.");
            }

            string Value()
            {
                if (inlineValue is not null)
                {
                    return inlineValue;
                }

                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    throw new AblateUsageException($"Option {name} needs a value; see --help.");
                }

                return args[++i];
            }

            options = name switch
            {
                "--help" or "-h" => options with { ShowHelp = true },
                "--preset" => options with { Preset = ParseEnum<AblatePreset>(name, Value()) },
                "--steps" => options with { Steps = ParsePositive(name, Value()) },
                "--batch-size" => options with { BatchSize = ParsePositive(name, Value()) },
                "--eval-every" => options with { EvalEvery = ParsePositive(name, Value()) },
                "--time-limit" => options with { TimeLimitSeconds = ParsePositive(name, Value()) },
                "--seed" => options with { Seed = ParseInt(name, Value()) },
                "--out" => options with { OutputDirectory = NonEmpty(name, Value()) },
                "--data" => options with { DataDirectory = NonEmpty(name, Value()) },
                "--threads" => options with { Threads = ParsePositive(name, Value()) },
                "--scan" => options with { ScanPath = ParseEnum<ScanPath>(name, Value()) },
                "--backend" => options with { Backend = ParseBackend(name, Value()) },
                "--archs" => options with { Architectures = ParseList(name, Value()) },
                "--tasks" => options with { Tasks = ParseList(name, Value()) },
                "--resume" => options with { Resume = true },
                "--verbose" => options with { Verbose = true },
                "--d-model" or "--layers" => throw new AblateUsageException(
                    $"Option {name} is not supported: model sizes are fixed by the declared classes. Choose a declared architecture with --archs, or declare a new one in the example."),
                _ => throw new AblateUsageException($"Unknown option '{args[i]}'; see --help."),
            };
        }

        return options;
    }

    private static (string Name, string? Value) Split(string argument)
    {
        var equals = argument.IndexOf('=', StringComparison.Ordinal);
        return argument.StartsWith("--", StringComparison.Ordinal) && equals > 0
            ? (argument[..equals], argument[(equals + 1)..])
            : (argument, null);
    }

    private static int ParseInt(string name, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : throw new AblateUsageException($"Option {name} needs an integer, but got '{value}'.");

    private static int ParsePositive(string name, string value)
    {
        var parsed = ParseInt(name, value);
        return parsed >= 1 ? parsed : throw new AblateUsageException($"Option {name} must be at least 1, but got {parsed}.");
    }

    private static string NonEmpty(string name, string value) =>
        string.IsNullOrWhiteSpace(value) ? throw new AblateUsageException($"Option {name} needs a non-empty path.") : value;

    private static T ParseEnum<T>(string name, string value)
        where T : struct, Enum =>
        Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _)
            ? parsed
            : throw new AblateUsageException($"Option {name} must be one of {string.Join(", ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()))}, but got '{value}'.");

    private static ScanBackendKind ParseBackend(string name, string value)
    {
        try
        {
            return ScanBackendSelector.Parse(value);
        }
        catch (ArgumentException)
        {
            throw new AblateUsageException($"Option {name} must be one of auto, cpu-vectorised, ilgpu-cpu, ilgpu-cuda, but got '{value}'.");
        }
    }

    private static IReadOnlyList<string> ParseList(string name, string value)
    {
        var items = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return items.Length > 0 ? items : throw new AblateUsageException($"Option {name} needs at least one name.");
    }
}
