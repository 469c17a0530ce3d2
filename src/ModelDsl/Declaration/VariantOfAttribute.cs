namespace ModelDsl;

/// <summary>
/// Declares a model as a variant of another declaration: it inherits every attribute of
/// <c>baseDeclaration</c>, and each named property that the variant's own attributes set overrides
/// the inherited value. An ablation such as "the same model with <c>d_state = 8</c>" is then
/// <c>[VariantOf(typeof(Base))] [MambaMixer(DState = 8)] partial class Small;</c>.
/// </summary>
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
