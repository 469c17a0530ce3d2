using static TorchSharp.torch;

namespace ModelDsl.Kernels;

/// <summary>
/// One way to run the generated scan kernels (vectorised CPU, ILGPU CPU simulator, ILGPU CUDA).
/// Forward and backward of one backend form a pair: what forward saves only its own backward reads.
/// </summary>
internal interface IScanBackend
{
    /// <summary>Name for logs, such as "cpu-vectorised" or "ilgpu-cuda".</summary>
    string Name { get; }

    /// <summary>Runs the fused forward scan and returns the gated output and what backward needs.</summary>
    (Tensor Output, Tensor Saved) Forward(SelectiveScanKernel kernel, ScanInputs inputs);

    /// <summary>Runs the fused backward scan from the saved tensor and the gradient of the output.</summary>
    ScanGradients Backward(SelectiveScanKernel kernel, ScanInputs inputs, Tensor saved, Tensor outputGradient);
}
