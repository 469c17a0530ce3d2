using TorchSharp;
using static TorchSharp.torch;

namespace ModelDsl.Kernels;

/// <summary>
/// Custom autograd function around a fused scan backend. Forward runs the backend's forward and
/// saves the inputs plus the backend's saved tensor, and backward hands them back to the same backend.
/// </summary>
internal sealed class ScanAutogradFunction : autograd.MultiTensorFunction<ScanAutogradFunction>
{
    private const string KernelKey = "kernel";
    private const string BackendKey = "backend";

    // apply takes the kernel, the backend, then the tensors in ScanInputs order with g last and possibly null.
    // save_for_backward stores those nine tensors followed by the backend's saved tensor.
    private const int SavedBackendTensorIndex = 9;

    /// <inheritdoc />
    public override string Name => "SelectiveScan";

    /// <summary>Runs the scan on <paramref name="backend"/> and records it on the autograd graph.</summary>
    public static Tensor Apply(SelectiveScanKernel kernel, IScanBackend backend, ScanInputs inputs)
        => apply(kernel, backend, inputs.X, inputs.DeltaPre, inputs.DeltaBias, inputs.ALog, inputs.B, inputs.C, inputs.D, inputs.Z, inputs.G!)[0];

    /// <inheritdoc />
    public override List<Tensor> forward(autograd.AutogradContext ctx, params object[] vars)
    {
        var kernel = (SelectiveScanKernel)vars[0];
        var backend = (IScanBackend)vars[1];
        var inputs = new ScanInputs(
            (Tensor)vars[2], (Tensor)vars[3], (Tensor)vars[4], (Tensor)vars[5], (Tensor)vars[6],
            (Tensor)vars[7], (Tensor)vars[8], (Tensor)vars[9], vars[10] as Tensor);

        var (output, saved) = backend.Forward(kernel, inputs);

        ctx.save_data(KernelKey, kernel);
        ctx.save_data(BackendKey, backend);
        ctx.save_for_backward([inputs.X, inputs.DeltaPre, inputs.DeltaBias, inputs.ALog, inputs.B, inputs.C, inputs.D, inputs.Z, inputs.G!, saved]);
        return [output];
    }

    /// <inheritdoc />
    public override List<Tensor> backward(autograd.AutogradContext ctx, List<Tensor> grad_outputs)
    {
        var kernel = (SelectiveScanKernel)ctx.get_data(KernelKey);
        var backend = (IScanBackend)ctx.get_data(BackendKey);
        var saved = ctx.get_saved_variables();
        var inputs = new ScanInputs(saved[0], saved[1], saved[2], saved[3], saved[4], saved[5], saved[6], saved[7], saved[8]);

        var gradients = backend.Backward(kernel, inputs, saved[SavedBackendTensorIndex], grad_outputs[0]);

        // One entry per apply argument; the two non-tensor arguments get none, and so does an absent g.
        return [null!, null!, gradients.X, gradients.DeltaPre, gradients.DeltaBias, gradients.ALog, gradients.B, gradients.C, gradients.D, gradients.Z, gradients.G!];
    }
}
