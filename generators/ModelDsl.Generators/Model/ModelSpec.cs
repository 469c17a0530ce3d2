namespace ModelDsl.Generators.Model;

/// <summary>
/// Everything the emitters need about one valid declaration. Built only of strings, primitives and
/// equatable arrays, never symbols or syntax, so equal declarations compare equal between runs and
/// the incremental generator can skip re-emitting them.
/// </summary>
/// <param name="Namespace">Namespace of the declaring class; empty for the global namespace.</param>
/// <param name="ContainingTypes">Declarations of the enclosing types, outermost first, such as <c>partial class Outer</c>.</param>
/// <param name="ClassName">Name of the declaring class.</param>
/// <param name="VariantOf">Fully qualified name of the base declaration of a variant; <c>null</c> otherwise.</param>
/// <param name="VocabSize">Vocabulary size.</param>
/// <param name="DModel">Residual width <c>d_model</c>.</param>
/// <param name="TieEmbeddings">Whether the LM head shares the embedding weight.</param>
/// <param name="NormEps">Epsilon of every RMSNorm.</param>
/// <param name="Layers">Every layer, in order.</param>
internal sealed record ModelSpec(
    string Namespace,
    EquatableArray<string> ContainingTypes,
    string ClassName,
    string? VariantOf,
    int VocabSize,
    int DModel,
    bool TieEmbeddings,
    double NormEps,
    EquatableArray<LayerSpec> Layers)
{
    /// <summary>Name of the class with its namespace and enclosing types, dot-separated, without <c>global::</c>.</summary>
    public string MetadataDisplayName
    {
        get
        {
            var prefix = Namespace.Length == 0 ? "" : Namespace + ".";
            foreach (var containing in ContainingTypes)
            {
                prefix += LastWord(containing) + ".";
            }

            return prefix + ClassName;
        }
    }

    /// <summary>Trainable parameters of the whole model.</summary>
    public long ParameterCount => ParameterCounting.CountModelParameters(this);

    /// <summary>Floats of recurrent state per sequence during decoding, summed over layers.</summary>
    public long StateSizePerToken
    {
        get
        {
            long total = 0;
            foreach (var layer in Layers)
            {
                total = checked(total + layer.StateSizePerToken);
            }

            return total;
        }
    }

    private static string LastWord(string declaration)
    {
        var space = declaration.LastIndexOf(' ');
        return space < 0 ? declaration : declaration.Substring(space + 1);
    }
}
