namespace ModelDsl;

/// <summary>
/// How the long-convolution output <c>g</c> of the global selection module enters a mixer. Further
/// variants (an MLP on <c>g</c> added to Δ, an attention branch gating Δ) are added as new members.
/// </summary>
public enum GlobalSelectionVariant
{
    /// <summary><c>δ_pre = (W_dt · δ_low) ⊙ SiLU(g)</c> before the Δ bias, the module of You et al. (2024).</summary>
    GateDelta = 0,

    /// <summary><c>SiLU(g)</c> is added to the scan input x; Δ is left as in plain Mamba.</summary>
    AddToInput = 1,
}
