namespace ModelDsl;

/// <summary>One residual layer of a declared model.</summary>
/// <param name="Index">Zero-based layer index.</param>
/// <param name="Kind">Layer kind.</param>
/// <param name="Mixer">Mixer settings of a <see cref="LayerKind.Mamba"/> layer; <c>null</c> for other kinds.</param>
/// <param name="ParameterCount">Trainable parameters of the layer, its RMSNorm included.</param>
/// <param name="StateSizePerToken">Floats of recurrent state the layer keeps per sequence during decoding.</param>
public sealed record LayerDescription(
    int Index,
    LayerKind Kind,
    MixerSettings? Mixer,
    long ParameterCount,
    long StateSizePerToken);
