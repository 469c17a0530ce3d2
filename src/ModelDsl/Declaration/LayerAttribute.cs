namespace ModelDsl;

/// <summary>
/// Sets the kind of one layer, overriding <see cref="MambaModelAttribute.LayerKind"/> for that index.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class LayerAttribute : Attribute
{
    /// <param name="index">Zero-based layer index, below <see cref="MambaModelAttribute.Layers"/>.</param>
    /// <param name="kind">Kind of that layer.</param>
    public LayerAttribute(int index, LayerKind kind)
    {
        Index = index;
        Kind = kind;
    }

    /// <summary>Zero-based layer index.</summary>
    public int Index { get; }

    /// <summary>Kind of the layer.</summary>
    public LayerKind Kind { get; }
}
