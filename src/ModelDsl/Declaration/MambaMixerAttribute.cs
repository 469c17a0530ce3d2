namespace ModelDsl;

/// <summary>
/// Settings of the Mamba mixer. Without <see cref="Layers"/> they apply to every Mamba layer; with it,
/// they override the settings of the listed layers only, so one declaration can mix mixer shapes.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class MambaMixerAttribute : Attribute
{
    /// <summary>State size per channel <c>d_state</c> (N).</summary>
    public int DState { get; set; } = 16;

    /// <summary>Width of the short causal depthwise convolution <c>d_conv</c>.</summary>
    public int DConv { get; set; } = 4;

    /// <summary>Inner width factor: <c>d_inner = expand · d_model</c>.</summary>
    public int Expand { get; set; } = 2;

    /// <summary>Rank of the Δ projection <c>dt_rank</c>; 0 means <c>ceil(d_model / 16)</c>.</summary>
    public int DtRank { get; set; }

    /// <summary>Smallest initial step size Δ.</summary>
    public double DtMin { get; set; } = 0.001;

    /// <summary>Largest initial step size Δ.</summary>
    public double DtMax { get; set; } = 0.1;

    /// <summary>Lower clamp of the initial step size Δ.</summary>
    public double DtInitFloor { get; set; } = 1e-4;

    /// <summary>Whether the short convolution has a bias.</summary>
    public bool ConvBias { get; set; } = true;

    /// <summary>Whether <c>in_proj</c> and <c>out_proj</c> have biases.</summary>
    public bool Bias { get; set; }

    /// <summary>Zero-based layers these settings apply to; <c>null</c> means every Mamba layer.</summary>
    public int[]? Layers { get; set; }
}
