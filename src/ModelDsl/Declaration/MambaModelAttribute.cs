namespace ModelDsl;

/// <summary>
/// Declares a Mamba language model on a <c>partial class</c>: embedding, <see cref="Layers"/> pre-norm
/// residual blocks, a final RMSNorm and an LM head. The ModelDsl source generator completes the class
/// into a TorchSharp module. Every property is named so that a <see cref="VariantOfAttribute"/> declaration
/// can override one of them and inherit the rest.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class MambaModelAttribute : Attribute
{
    /// <summary>Vocabulary size (number of token ids). Required.</summary>
    public int VocabSize { get; set; }

    /// <summary>Residual width <c>d_model</c>. Required.</summary>
    public int DModel { get; set; }

    /// <summary>Number of residual blocks <c>n_layers</c>. Required.</summary>
    public int Layers { get; set; }

    /// <summary>Whether the LM head shares its weight with the embedding.</summary>
    public bool TieEmbeddings { get; set; } = true;

    /// <summary>Epsilon of every RMSNorm.</summary>
    public double NormEps { get; set; } = 1e-5;

    /// <summary>Layer kind of every layer that no <see cref="LayerAttribute"/> names.</summary>
    public LayerKind LayerKind { get; set; } = LayerKind.Mamba;
}
