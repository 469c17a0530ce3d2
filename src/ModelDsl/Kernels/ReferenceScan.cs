using TorchSharp;
using static TorchSharp.torch;

namespace ModelDsl.Kernels;

/// <summary>
/// The sequential selective scan written with TorchSharp operations. It is slow (one set of
/// operations per time step) but plainly follows the equations, so it serves as the reference that
/// the fused kernels are tested against, and as <see cref="ScanPath.Reference"/>.
/// </summary>
public static class ReferenceScan
{
    /// <summary>
    /// Computes <c>out = (scan(x) + D ⊙ x) ⊙ SiLU(z)</c> with <c>δ = softplus(δ_pre + b_dt)</c>.
    /// Activations are (batch, length, channels); autograd flows through every input.
    /// </summary>
    /// <param name="x">Scan input, (B, L, E).</param>
    /// <param name="deltaPre">Δ before its bias, <c>W_dt · δ_low</c>, (B, L, E).</param>
    /// <param name="deltaBias">Δ bias <c>b_dt</c>, (E).</param>
    /// <param name="aLog"><c>A_log</c>, (E, N); the scan uses <c>A = −exp(A_log)</c>.</param>
    /// <param name="b">Input matrix B, (B, L, N).</param>
    /// <param name="c">Output matrix C, (B, L, N).</param>
    /// <param name="d">Skip weight D, (E).</param>
    /// <param name="z">Gate branch, (B, L, E).</param>
    /// <param name="g">Global selection long-convolution output, (B, L, E), or <c>null</c> without the module.</param>
    /// <param name="variant">How <paramref name="g"/> enters the scan.</param>
    /// <returns>The gated scan output, (B, L, E).</returns>
    public static Tensor Forward(
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
    {
        using var scope = NewDisposeScope();

        var scanInput = x;
        var gatedDeltaPre = deltaPre;
        if (g is not null)
        {
            var gate = nn.functional.silu(g);
            if (variant == GlobalSelectionVariant.GateDelta)
            {
                gatedDeltaPre = deltaPre * gate;
            }
            else
            {
                scanInput = x + gate;
            }
        }

        // softplus passes values above 20 through unchanged, the overflow guard of the fused kernels.
        var delta = nn.functional.softplus(gatedDeltaPre + deltaBias, beta: 1, threshold: 20);
        var a = -exp(aLog);

        // (B, L, E, N): discretised A and the input term δ · B · x of every step.
        var deltaA = exp(delta.unsqueeze(-1) * a);
        var deltaBx = delta.unsqueeze(-1) * b.unsqueeze(2) * scanInput.unsqueeze(-1);

        // unbind splits along time once; its backward stacks the step gradients in one operation.
        // Selecting step t in the loop instead would give each step a full-size (B, L, E, N)
        // gradient in backward, which makes backward quadratic in L.
        var deltaASteps = deltaA.unbind(1);
        var deltaBxSteps = deltaBx.unbind(1);
        var cSteps = c.unsqueeze(2).unbind(1);

        var h = zeros(x.shape[0], x.shape[2], a.shape[1], dtype: x.dtype, device: x.device);
        var outputs = new Tensor[deltaASteps.Length];
        for (var t = 0; t < outputs.Length; t++)
        {
            h = deltaASteps[t] * h + deltaBxSteps[t];
            outputs[t] = (h * cSteps[t]).sum(-1);
        }

        var y = stack(outputs, 1) + scanInput * d;
        var result = y * nn.functional.silu(z);
        return result.MoveToOuterDisposeScope();
    }
}
