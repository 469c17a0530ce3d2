namespace ModelDsl.Generators.Model;

/// <summary>One resolved residual layer of a declaration.</summary>
/// <param name="Index">Zero-based layer index.</param>
/// <param name="Kind">Layer kind.</param>
/// <param name="DModel">Residual width <c>d_model</c>.</param>
/// <param name="Mixer">Mixer settings of a Mamba layer; <c>null</c> for other kinds.</param>
internal sealed record LayerSpec(int Index, DeclaredLayerKind Kind, int DModel, MixerSpec? Mixer)
{
    /// <summary>Trainable parameters of the layer, its RMSNorm included.</summary>
    public long ParameterCount => ParameterCounting.CountLayerParameters(this);

    /// <summary>Floats of recurrent state the layer keeps per sequence during decoding.</summary>
    public long StateSizePerToken => ParameterCounting.CountLayerState(this);
}
