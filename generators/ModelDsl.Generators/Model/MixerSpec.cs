namespace ModelDsl.Generators.Model;

/// <summary>
/// Resolved settings of one Mamba mixer, with every default applied (<see cref="DtRank"/> is never 0).
/// Mirrors the runtime's <c>ModelDsl.MixerSettings</c>.
/// </summary>
internal sealed record MixerSpec(
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
    GlobalSelectionSpec? GlobalSelection)
{
    /// <summary>Inner width <c>d_inner = expand · d_model</c> (E).</summary>
    public long DInner => (long)Expand * DModel;

    /// <summary>Kernel this mixer's selective scan runs on.</summary>
    public ScanKernelSpec Kernel => new ScanKernelSpec(DState, GlobalSelection?.Mode ?? ScanMode.Plain);
}
