using static TorchSharp.torch;

namespace ModelDsl.Kernels;

/// <summary>
/// Base of the generated selective-scan kernel classes: one per distinct (d_state, global selection)
/// configuration of a compilation, each specialised to its shapes at generation time.
/// </summary>
public abstract partial class SelectiveScanKernel
{
    /// <param name="dState">State size per channel that the generated kernel is specialised to.</param>
    /// <param name="globalSelection">How the kernel applies <c>g</c>, or <c>null</c> for a kernel without global selection.</param>
    protected SelectiveScanKernel(int dState, GlobalSelectionVariant? globalSelection = null)
    {
        if (dState < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(dState), dState, "d_state must be at least 1.");
        }

        DState = dState;
        GlobalSelection = globalSelection;
    }

    /// <summary>State size per channel that this kernel is specialised to.</summary>
    public int DState { get; }

    /// <summary>How this kernel applies the global selection input <c>g</c>; <c>null</c> when it takes none.</summary>
    public GlobalSelectionVariant? GlobalSelection { get; }

    /// <summary>
    /// Whether this class carries generated fused kernels. The generator overrides it with <c>true</c>;
    /// hand-written stand-ins, such as test doubles, keep <c>false</c> and run the reference scan.
    /// </summary>
    protected virtual bool HasFusedKernels => false;

    /// <summary>
    /// Computes the gated selective scan with the arguments and shapes of <see cref="ReferenceScan.Forward"/>
    /// on the fused kernels of the process-wide backend (<see cref="ScanBackendSelector.Current"/>).
    /// Autograd flows through every input, so <c>loss.backward()</c> runs the fused backward. A class
    /// without generated kernels (<see cref="HasFusedKernels"/> is <c>false</c>) runs <see cref="ReferenceScan.Forward"/> instead.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// A tensor has the wrong rank, shape or dtype, or <paramref name="g"/> and <paramref name="variant"/>
    /// do not match the global selection mode compiled into this kernel.
    /// </exception>
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
        => HasFusedKernels
            ? Forward(ScanBackendSelector.Current, new ScanInputs(x, deltaPre, deltaBias, aLog, b, c, d, z, g), variant)
            : ReferenceScan.Forward(x, deltaPre, deltaBias, aLog, b, c, d, z, g, variant);

    /// <summary>Computes the gated selective scan on <paramref name="backend"/> behind the custom autograd function.</summary>
    internal Tensor Forward(IScanBackend backend, ScanInputs inputs, GlobalSelectionVariant variant = GlobalSelectionVariant.GateDelta)
    {
        ArgumentNullException.ThrowIfNull(backend);
        ArgumentNullException.ThrowIfNull(inputs);
        ScanInputValidation.Validate(this, inputs, variant);
        return ScanAutogradFunction.Apply(this, backend, inputs);
    }
}
