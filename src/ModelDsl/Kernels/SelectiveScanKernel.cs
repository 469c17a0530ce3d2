using static TorchSharp.torch;

namespace ModelDsl.Kernels;

/// <summary>
/// Base of the generated selective-scan kernel classes: one per distinct (d_state, global selection)
/// configuration of a compilation, each specialised to its shapes at generation time.
/// </summary>
public abstract partial class SelectiveScanKernel
{
    /// <param name="dState">State size per channel that the generated kernel is specialised to.</param>
    protected SelectiveScanKernel(int dState)
    {
        DState = dState;
    }

    /// <summary>State size per channel that this kernel is specialised to.</summary>
    public int DState { get; }

    /// <summary>
    /// Computes the gated selective scan with the arguments and shapes of <see cref="ReferenceScan.Forward"/>.
    /// </summary>
    // TODO: replace with the fused kernels behind a custom autograd function.
    public virtual Tensor Forward(
        Tensor x,
        Tensor deltaPre,
        Tensor deltaBias,
        Tensor aLog,
        Tensor b,
        Tensor c,
        Tensor d,
        Tensor z,
        Tensor? g = null,
        GlobalSelectionVariant variant = GlobalSelectionVariant.GateDelta)
        => ReferenceScan.Forward(x, deltaPre, deltaBias, aLog, b, c, d, z, g, variant);
}
