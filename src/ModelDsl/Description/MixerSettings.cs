namespace ModelDsl;

/// <summary>
/// Resolved settings of one Mamba mixer, with every default applied (<see cref="DtRank"/> is never 0 here).
/// </summary>
public sealed record MixerSettings(
    int DModel,
    int DState,
    int DConv,
    int Expand,
    int DtRank,
    double DtMin,
    double DtMax,
    double DtInitFloor,
    bool ConvBias,
    bool Bias,
    GlobalSelectionSettings? GlobalSelection)
{
    /// <summary>Inner width <c>d_inner = expand · d_model</c> (E).</summary>
    public int DInner => Expand * DModel;
}
