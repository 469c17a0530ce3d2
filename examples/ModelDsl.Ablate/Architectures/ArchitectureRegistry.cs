namespace ModelDsl.Ablate.Architectures;

/// <summary>Maps architecture names to the declared model classes of this example.</summary>
public sealed class ArchitectureRegistry
{
    // NOTE: 512 tokens is the longest sequence in the published data of You et al. (2024). The models have no length
    // limit, but training cost grows linearly with L, so longer inputs are rejected rather than run for hours.
    private const int MaxSequenceLength = 512;

    private readonly Dictionary<string, ArchitectureEntry> entries;

    /// <summary>Creates a registry over <paramref name="entries"/>, keyed case-insensitively by name.</summary>
    public ArchitectureRegistry(IEnumerable<ArchitectureEntry> entries)
    {
        this.entries = entries.ToDictionary(entry => entry.Name, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The architectures declared in <see cref="DeclaredModels"/>.</summary>
    public static ArchitectureRegistry Default { get; } = new(
    [
        new("Mamba2L", Mamba2L.Description, options => new Mamba2L(options), MaxSequenceLength),
        new("Mamba2LGlobalSelection", Mamba2LGlobalSelection.Description, options => new Mamba2LGlobalSelection(options), MaxSequenceLength),
        new("MambaTiny", MambaTiny.Description, options => new MambaTiny(options), MaxSequenceLength),
        new("MambaTinyGlobalSelection", MambaTinyGlobalSelection.Description, options => new MambaTinyGlobalSelection(options), MaxSequenceLength),
    ]);

    /// <summary>Every name, in declaration order.</summary>
    public IReadOnlyList<string> Names => entries.Values.Select(entry => entry.Name).ToList();

    /// <summary>Returns the entry named <paramref name="name"/>.</summary>
    /// <exception cref="AblateUsageException">No architecture has this name; the message lists the valid ones.</exception>
    public ArchitectureEntry Get(string name) =>
        entries.TryGetValue(name, out var entry)
            ? entry
            : throw new AblateUsageException($"Unknown architecture '{name}'. Valid architectures: {string.Join(", ", Names)}.");
}
