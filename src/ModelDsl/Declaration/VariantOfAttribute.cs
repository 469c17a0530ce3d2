namespace ModelDsl;

/// <summary>
/// Declares a model as a variant of another declaration: it inherits every attribute of
/// <c>baseDeclaration</c>, and each named property that the variant's own attributes set overrides
/// the inherited value. An ablation such as "the same model with <c>d_state = 8</c>" is then
/// <c>[VariantOf(typeof(Base))] [MambaMixer(DState = 8)] partial class Small;</c>.
/// </summary>
/// <remarks>
/// Settings merge from the <see cref="MambaModelAttribute"/> declaration down to the variant, one
/// declaration at a time. Within a declaration, a <see cref="MambaMixerAttribute"/> without
/// <c>Layers</c> applies first and one with <c>Layers</c> then overrides the listed layers, so a
/// variant's <c>[MambaMixer(DState = 8)]</c> sets d_state on every layer, including layers its
/// base configured one by one. A <see cref="LayerAttribute"/> of the variant replaces the base's
/// kind for that index. A variant cannot carry <see cref="MambaModelAttribute"/>, so vocabulary,
/// width and depth come from the base.
/// </remarks>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class VariantOfAttribute : Attribute
{
    /// <param name="baseDeclaration">A class that carries <see cref="MambaModelAttribute"/> or is itself a variant.</param>
    public VariantOfAttribute(Type baseDeclaration)
    {
        BaseDeclaration = baseDeclaration;
    }

    /// <summary>Declaration this variant starts from.</summary>
    public Type BaseDeclaration { get; }
}
