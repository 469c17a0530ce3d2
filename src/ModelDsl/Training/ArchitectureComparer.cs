namespace ModelDsl.Training;

/// <summary>Lists the structural differences between two model descriptions, in the field's parameter names.</summary>
public static class ArchitectureComparer
{
    /// <summary>
    /// Returns each difference as (name, value in <paramref name="expected"/>, value in <paramref name="actual"/>).
    /// The class names are not compared, so a renamed declaration with the same shapes matches.
    /// </summary>
    public static IReadOnlyList<(string Name, string Expected, string Actual)> Differences(ModelDescription expected, ModelDescription actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);

        var differences = new List<(string, string, string)>();
        void Compare<T>(string name, T left, T right)
        {
            if (!EqualityComparer<T>.Default.Equals(left, right))
            {
                differences.Add((name, left?.ToString() ?? "none", right?.ToString() ?? "none"));
            }
        }

        Compare("vocab_size", expected.VocabSize, actual.VocabSize);
        Compare("d_model", expected.DModel, actual.DModel);
        Compare("n_layers", expected.NLayers, actual.NLayers);
        Compare("tie_embeddings", expected.TieEmbeddings, actual.TieEmbeddings);
        for (var i = 0; i < Math.Min(expected.NLayers, actual.NLayers); i++)
        {
            var left = expected.Layers[i];
            var right = actual.Layers[i];
            var prefix = expected.NLayers == 1 ? string.Empty : $"layer {i} ";
            Compare(prefix + "kind", left.Kind, right.Kind);
            if (left.Mixer is { } a && right.Mixer is { } b)
            {
                Compare(prefix + "d_state", a.DState, b.DState);
                Compare(prefix + "d_conv", a.DConv, b.DConv);
                Compare(prefix + "expand", a.Expand, b.Expand);
                Compare(prefix + "dt_rank", a.DtRank, b.DtRank);
                Compare(prefix + "conv_bias", a.ConvBias, b.ConvBias);
                Compare(prefix + "bias", a.Bias, b.Bias);
                Compare(prefix + "global selection kernel", a.GlobalSelection?.KernelSize, b.GlobalSelection?.KernelSize);
                Compare(prefix + "global selection variant", a.GlobalSelection?.Variant, b.GlobalSelection?.Variant);
            }

            Compare(prefix + "parameters", left.ParameterCount, right.ParameterCount);
        }

        // Layer-level differences repeat across layers; keep the first occurrence of each field.
        return differences
            .GroupBy(difference => difference.Item1.StartsWith("layer ", StringComparison.Ordinal) ? difference.Item1[(difference.Item1.IndexOf(' ', 6) + 1)..] : difference.Item1)
            .Select(group => group.First())
            .ToList();
    }

    /// <summary>
    /// Throws <see cref="ArchitectureMismatchException"/> when the architectures differ, with a message such as
    /// "checkpoint is Mamba2L (d_state 16), model is Mamba2LDState8 (d_state 8)".
    /// </summary>
    public static void EnsureCompatible(ModelDescription checkpoint, ModelDescription model, string checkpointPath)
    {
        var differences = Differences(checkpoint, model);
        if (differences.Count == 0)
        {
            return;
        }

        var saved = string.Join(", ", differences.Select(difference => $"{difference.Name} {difference.Expected}"));
        var current = string.Join(", ", differences.Select(difference => $"{difference.Name} {difference.Actual}"));
        throw new ArchitectureMismatchException(
            $"Cannot load checkpoint {checkpointPath}: checkpoint is {checkpoint.Name} ({saved}), model is {model.Name} ({current}). " +
            "Load it into the architecture it was saved from, or start a new run without --resume.");
    }
}
