namespace ModelDsl.Ablate.Running;

/// <summary>Checks up front that the output folder can take files, so no run trains for nothing.</summary>
public static class OutputFolder
{
    /// <summary>Creates <paramref name="path"/> if needed and writes and deletes a probe file in it.</summary>
    /// <exception cref="OutputFolderException">The folder cannot be created or written.</exception>
    public static void EnsureWritable(string path)
    {
        var blockingFile = FindFileInPath(path);
        if (blockingFile is not null)
        {
            throw new OutputFolderException($"Output folder {path} cannot be created because {blockingFile} is a file, not a folder. Choose another folder with --out.");
        }

        try
        {
            Directory.CreateDirectory(path);
            var probe = Path.Combine(path, $".write-probe-{Guid.NewGuid():N}");
            File.WriteAllText(probe, string.Empty);
            File.Delete(probe);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new OutputFolderException($"Output folder {path} is not writable: {exception.Message} Choose another folder with --out.", exception);
        }
    }

    /// <summary>Returns the first existing file among <paramref name="path"/> and its parent folders, or <c>null</c>.</summary>
    private static string? FindFileInPath(string path)
    {
        for (var current = Path.GetFullPath(path); !string.IsNullOrEmpty(current); current = Path.GetDirectoryName(current))
        {
            if (File.Exists(current))
            {
                return current;
            }

            if (Directory.Exists(current))
            {
                return null;
            }
        }

        return null;
    }
}
