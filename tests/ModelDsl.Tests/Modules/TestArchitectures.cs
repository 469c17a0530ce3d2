namespace ModelDsl.Tests.Modules;

/// <summary>Small model descriptions for the module tests, built the way the generator resolves declarations.</summary>
internal static class TestArchitectures
{
    public static MixerSettings Mixer(
        int dModel = 8,
        int dState = 4,
        int dConv = 3,
        int expand = 2,
        int dtRank = 3,
        bool bias = false,
        GlobalSelectionSettings? globalSelection = null) =>
        new(dModel, dState, dConv, expand, dtRank, DtMin: 0.001, DtMax: 0.1, DtInitFloor: 1e-4, ConvBias: true, Bias: bias, globalSelection);

    /// <summary>A model whose layer i has <paramref name="mixers"/>[i] settings, or is an MLP layer where that entry is null.</summary>
    public static ModelDescription Model(
        string name,
        int vocabSize,
        int dModel,
        bool tieEmbeddings,
        params MixerSettings?[] mixers)
    {
        var layers = mixers
            .Select((mixer, index) => new LayerDescription(
                index,
                mixer is null ? LayerKind.Mlp : LayerKind.Mamba,
                mixer,
                ParameterCount: mixer is null ? ParameterFormula.MlpLayer(dModel) : ParameterFormula.MambaLayer(mixer),
                StateSizePerToken: 0))
            .ToList();
        var count = ParameterFormula.Model(vocabSize, dModel, tieEmbeddings, layers.Select(layer => layer.ParameterCount));
        return new ModelDescription(name, vocabSize, dModel, tieEmbeddings, NormEps: 1e-5, layers, count, StateSizePerToken: 0);
    }

    /// <summary>Two Mamba layers, the second with global selection, vocabulary 11, d_model 8, untied head.</summary>
    public static ModelDescription TwoLayerWithGlobalSelection(GlobalSelectionVariant variant = GlobalSelectionVariant.GateDelta, bool tie = false) =>
        Model("TwoLayer", vocabSize: 11, dModel: 8, tieEmbeddings: tie,
            Mixer(),
            Mixer(globalSelection: new GlobalSelectionSettings(KernelSize: 5, variant)));
}

/// <summary>Trainable parameter counts written out from the block equations.</summary>
internal static class ParameterFormula
{
    public static long MambaLayer(MixerSettings s)
    {
        long d = s.DModel, e = s.DInner, n = s.DState, k = s.DConv, r = s.DtRank;
        var count = d                      // norm
            + d * 2 * e                    // in_proj
            + e * k                        // conv1d weight
            + e * (r + 2 * n)              // x_proj
            + r * e + e                    // dt_proj weight and bias
            + e * n                        // A_log
            + e                            // D
            + e * d;                       // out_proj
        if (s.ConvBias)
        {
            count += e;
        }

        if (s.Bias)
        {
            count += 2 * e + d;
        }

        if (s.GlobalSelection is { } globalSelection)
        {
            count += e * globalSelection.KernelSize + e;
        }

        return count;
    }

    public static long MlpLayer(long d) => d + (d * 4 * d + 4 * d) + (4 * d * d + d);

    public static long Model(long vocabSize, long dModel, bool tieEmbeddings, IEnumerable<long> layerCounts) =>
        vocabSize * dModel + dModel + (tieEmbeddings ? 0 : vocabSize * dModel) + layerCounts.Sum();
}
