namespace ModelDsl;

/// <summary>
/// Adds the global selection module to Mamba mixers: a depthwise causal long convolution over the
/// x branch whose output <c>g</c> selects the step size Δ (or, as an ablation, feeds the scan input).
/// From "Revealing and Mitigating the Local Pattern Shortcuts of Mamba" (You et al., 2024).
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class GlobalSelectionAttribute : Attribute
{
    /// <summary>Kernel size of the long convolution, in time steps (the paper uses 128).</summary>
    public int KernelSize { get; set; } = 128;

    /// <summary>Zero-based layers that get the module; <c>null</c> means every Mamba layer.</summary>
    public int[]? Layers { get; set; }

    /// <summary>How <c>g</c> enters the mixer.</summary>
    public GlobalSelectionVariant Variant { get; set; } = GlobalSelectionVariant.GateDelta;

    /// <summary>
    /// Whether the module is present. A <see cref="VariantOfAttribute"/> declaration sets this to
    /// <c>false</c> to remove the module that its base declares. A variant's attribute that leaves
    /// it unset keeps the base's value, or enables the module when the base has none.
    /// </summary>
    public bool Enabled { get; set; } = true;
}
