using ModelDsl.Tasks;

namespace ModelDsl.Ablate.Running;

/// <summary>
/// Finds the global selection paper's (You et al., 2024) data folder: the <c>--data</c> value when given, else the first <c>data/paper-mqar</c> or
/// <c>examples/data/paper-mqar</c> in the current folder or one of its parents, then likewise from the
/// executable's folder.
/// </summary>
public static class DataDirectoryResolver
{
    private static readonly string[] Candidates = [Path.Combine("data", "paper-mqar"), Path.Combine("examples", "data", "paper-mqar")];

    /// <summary>Returns the data folder, or throws a <see cref="RecallDataException"/> that names <c>--data</c>.</summary>
    public static string Resolve(string? explicitDirectory, string currentDirectory, string baseDirectory)
    {
        if (explicitDirectory is not null)
        {
            var full = Path.GetFullPath(explicitDirectory, currentDirectory);
            return Directory.Exists(full)
                ? full
                : throw new RecallDataException(full, null, null, "data folder not found; pass the folder that contains ngram-k2v2-standard/ with --data.");
        }

        foreach (var start in new[] { currentDirectory, baseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                foreach (var candidate in Candidates)
                {
                    var path = Path.Combine(folder.FullName, candidate);
                    if (Directory.Exists(path))
                    {
                        return path;
                    }
                }
            }
        }

        throw new RecallDataException(
            Path.Combine(currentDirectory, Candidates[0]),
            null,
            null,
            "no data folder found (looked for data/paper-mqar and examples/data/paper-mqar here and in every parent folder); pass the folder that contains ngram-k2v2-standard/ with --data, or drop the n-gram tasks with --tasks.");
    }
}
