namespace ModelDsl;

/// <summary>
/// Description of a declared model, computed by the source generator at compile time, so it is
/// available without building the model.
/// </summary>
/// <param name="Name">Name of the declaring class.</param>
/// <param name="VocabSize">Vocabulary size.</param>
/// <param name="DModel">Residual width <c>d_model</c>.</param>
/// <param name="TieEmbeddings">Whether the LM head shares the embedding weight.</param>
/// <param name="NormEps">Epsilon of every RMSNorm.</param>
/// <param name="Layers">Every layer, in order.</param>
/// <param name="ParameterCount">Trainable parameters of the whole model.</param>
/// <param name="StateSizePerToken">
/// Floats of recurrent state per sequence during decoding, summed over layers: <c>E · d_state</c>
/// for the scan plus <c>E · (d_conv − 1)</c> for the short convolution, plus <c>E · (kernel − 1)</c>
/// for a global selection long convolution.
/// </param>
public sealed record ModelDescription(
    string Name,
    int VocabSize,
    int DModel,
    bool TieEmbeddings,
    double NormEps,
    IReadOnlyList<LayerDescription> Layers,
    long ParameterCount,
    long StateSizePerToken)
{
    /// <summary>Number of residual layers <c>n_layers</c>.</summary>
    public int NLayers => Layers.Count;
}
