namespace ModelDsl.Generators.Model;

/// <summary>
/// Parameter and decoding-state counts of declared models, computed from the shapes the runtime
/// modules create, so they are known at compile time. Every sum is checked: a count above
/// <see cref="long.MaxValue"/> throws <see cref="System.OverflowException"/>, which the resolver
/// turns into a diagnostic before any model reaches the emitters.
/// </summary>
internal static class ParameterCounting
{
    /// <summary>Hidden width factor of an MLP layer: <c>fc1</c> maps d_model to 4 · d_model.</summary>
    public const int MlpWidthFactor = 4;

    /// <summary>Counts embedding, layers, <c>norm_f</c> and, when untied, <c>lm_head</c>.</summary>
    public static long CountModelParameters(ModelSpec model)
    {
        long d = model.DModel;
        long vocab = model.VocabSize;

        var total = checked((vocab * d) + d);
        if (!model.TieEmbeddings)
        {
            total = checked(total + (vocab * d));
        }

        foreach (var layer in model.Layers)
        {
            total = checked(total + layer.ParameterCount);
        }

        return total;
    }

    /// <summary>Counts one layer's parameters, its RMSNorm weight included.</summary>
    public static long CountLayerParameters(LayerSpec layer)
    {
        if (layer.Kind == DeclaredLayerKind.Mlp)
        {
            return CountMlpParameters(layer.DModel);
        }

        return layer.Mixer is null ? 0 : CountMambaParameters(layer.Mixer);
    }

    /// <summary>Counts the state a layer carries between decoding steps: scan state and convolution windows.</summary>
    public static long CountLayerState(LayerSpec layer)
    {
        if (layer.Kind != DeclaredLayerKind.Mamba || layer.Mixer is null)
        {
            return 0;
        }

        var mixer = layer.Mixer;
        var inner = mixer.DInner;
        var state = checked((inner * mixer.DState) + (inner * (mixer.DConv - 1)));
        if (mixer.GlobalSelection is not null)
        {
            state = checked(state + (inner * (mixer.GlobalSelection.KernelSize - 1)));
        }

        return state;
    }

    /// <summary>Counts the parameters that the global selection module adds to one mixer.</summary>
    public static long CountGlobalSelectionParameters(MixerSpec mixer)
        => mixer.GlobalSelection is null ? 0 : checked((mixer.DInner * mixer.GlobalSelection.KernelSize) + mixer.DInner);

    private static long CountMambaParameters(MixerSpec mixer)
    {
        long d = mixer.DModel;
        var inner = mixer.DInner;
        long rank = mixer.DtRank;
        long state = mixer.DState;

        checked
        {
            var norm = d;
            var inProjection = (d * 2 * inner) + (mixer.Bias ? 2 * inner : 0);
            var convolution = (inner * mixer.DConv) + (mixer.ConvBias ? inner : 0);
            var xProjection = inner * (rank + (2 * state));
            var dtProjection = (rank * inner) + inner;
            var aLog = inner * state;
            var skip = inner;
            var outProjection = (inner * d) + (mixer.Bias ? d : 0);

            return norm + inProjection + convolution + xProjection + dtProjection + aLog + skip + outProjection
                + CountGlobalSelectionParameters(mixer);
        }
    }

    private static long CountMlpParameters(long d)
    {
        var hidden = MlpWidthFactor * d;
        return checked(d + (d * hidden) + hidden + (hidden * d) + d);
    }
}
