using System.Text.Json;
using System.Text.Json.Serialization;
using ModelDsl.Modules;
using TorchSharp.Modules;

namespace ModelDsl.Training;

/// <summary>
/// Saves and loads checkpoints in one folder. A checkpoint named <c>tag</c> is <c>tag.json</c> plus the
/// weights (<c>Module.save</c>) and optionally the AdamW state (<c>OptimizerHelper.save_state_dict</c>),
/// whose file names carry the step. Every file is written atomically and the JSON file last, so the JSON
/// always names complete weights even if the process dies while saving.
/// </summary>
public sealed class CheckpointStore
{
    /// <summary>Tag of the checkpoint with the best validation accuracy.</summary>
    public const string BestTag = "best";

    /// <summary>Tag of the most recent checkpoint, the one <c>--resume</c> continues from.</summary>
    public const string LastTag = "last";

    /// <summary>JSON settings of the metadata file: camelCase names, enums as strings, indented.</summary>
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Creates a store over <paramref name="directory"/>, creating the folder if needed.</summary>
    public CheckpointStore(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory = Path.GetFullPath(directory);
        System.IO.Directory.CreateDirectory(Directory);
    }

    /// <summary>Absolute path of the checkpoint folder.</summary>
    public string Directory { get; }

    /// <summary>Path of the JSON file of checkpoint <paramref name="tag"/>.</summary>
    public string MetadataPath(string tag) => Path.Combine(Directory, tag + ".json");

    /// <summary>Saves the model (and the optimizer state, when given) under <paramref name="tag"/>.</summary>
    public void Save(string tag, MambaLanguageModel model, OptimizerHelper? optimizer, CheckpointMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(metadata);

        var weightsFile = $"{tag}.step{metadata.Step}.weights";
        var optimizerFile = optimizer is null ? null : $"{tag}.step{metadata.Step}.optimizer";
        AtomicFile.Write(Path.Combine(Directory, weightsFile), temporary => model.save(temporary));
        if (optimizer is not null)
        {
            AtomicFile.Write(Path.Combine(Directory, optimizerFile!), temporary => optimizer.save_state_dict(temporary));
        }

        var complete = metadata with { WeightsFile = weightsFile, OptimizerFile = optimizerFile };
        AtomicFile.WriteAllText(MetadataPath(tag), JsonSerializer.Serialize(complete, JsonOptions));
        DeleteStaleFiles(tag, weightsFile, optimizerFile);
    }

    /// <summary>Reads the JSON file of checkpoint <paramref name="tag"/>; returns <c>null</c> when there is none.</summary>
    /// <exception cref="InvalidDataException">The file exists but is not a valid checkpoint description.</exception>
    public CheckpointMetadata? ReadMetadata(string tag)
    {
        var path = MetadataPath(tag);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<CheckpointMetadata>(File.ReadAllText(path), JsonOptions)
                ?? throw new InvalidDataException($"Checkpoint {path} contains null instead of a checkpoint description.");
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"Checkpoint {path} is not valid checkpoint JSON: {exception.Message} Delete the folder to start over.", exception);
        }
    }

    /// <summary>
    /// Loads checkpoint <paramref name="tag"/> into <paramref name="model"/> (and <paramref name="optimizer"/>, when
    /// both it and a saved state exist) and returns its metadata.
    /// </summary>
    /// <exception cref="FileNotFoundException">There is no checkpoint with this tag.</exception>
    /// <exception cref="ArchitectureMismatchException">The checkpoint belongs to a different architecture.</exception>
    public CheckpointMetadata Load(string tag, MambaLanguageModel model, OptimizerHelper? optimizer = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var metadata = ReadMetadata(tag)
            ?? throw new FileNotFoundException($"No checkpoint '{tag}' in {Directory}; train first or point to the folder that contains {tag}.json.", MetadataPath(tag));

        ArchitectureComparer.EnsureCompatible(metadata.Architecture, model.Architecture, MetadataPath(tag));
        model.load(Path.Combine(Directory, metadata.WeightsFile));
        if (optimizer is not null && metadata.OptimizerFile is not null)
        {
            optimizer.load_state_dict(Path.Combine(Directory, metadata.OptimizerFile));
        }

        return metadata;
    }

    private void DeleteStaleFiles(string tag, string weightsFile, string? optimizerFile)
    {
        foreach (var path in System.IO.Directory.EnumerateFiles(Directory, tag + ".step*"))
        {
            var name = Path.GetFileName(path);
            if (name != weightsFile && name != optimizerFile)
            {
                File.Delete(path);
            }
        }
    }
}
