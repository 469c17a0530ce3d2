using ILGPU;

namespace ModelDsl.Kernels.Ilgpu;

/// <summary>
/// Arguments of a generated ILGPU backward scan kernel: the forward inputs, the states saved by the forward
/// kernel, the output gradient, per-thread scratch space and the gradient outputs.
/// </summary>
/// <remarks>
/// The gradients of <c>b_dt</c>, <c>A_log</c>, B, C and D are sums over threads, so the kernel adds into them
/// atomically and the caller must pass them zero-filled. The other gradients are written once per element.
/// </remarks>
public struct IlgpuScanBackwardArguments
{
    /// <summary>Scan input x, (B, L, E).</summary>
    public ArrayView<float> X;

    /// <summary>Δ before its bias, (B, L, E).</summary>
    public ArrayView<float> DeltaPre;

    /// <summary>Δ bias <c>b_dt</c>, (E).</summary>
    public ArrayView<float> DeltaBias;

    /// <summary><c>A_log</c>, (E, N).</summary>
    public ArrayView<float> ALog;

    /// <summary>Input matrix B, (B, L, N).</summary>
    public ArrayView<float> B;

    /// <summary>Output matrix C, (B, L, N).</summary>
    public ArrayView<float> C;

    /// <summary>Skip weight D, (E).</summary>
    public ArrayView<float> D;

    /// <summary>Gate branch z, (B, L, E).</summary>
    public ArrayView<float> Z;

    /// <summary>Global selection input g, (B, L, E); an empty view for kernels without the module.</summary>
    public ArrayView<float> G;

    /// <summary>Gradient of the gated output, (B, L, E).</summary>
    public ArrayView<float> OutputGradient;

    /// <summary>State entering each chunk as the forward kernel saved it, (chunk count, N, B·E).</summary>
    public ArrayView<float> ChunkStates;

    /// <summary>Recomputed states of one chunk per thread, (chunk length, N, B·E); contents on entry are ignored.</summary>
    public ArrayView<float> Scratch;

    /// <summary>Gradient of x, (B, L, E).</summary>
    public ArrayView<float> XGradient;

    /// <summary>Gradient of Δ before its bias, (B, L, E).</summary>
    public ArrayView<float> DeltaPreGradient;

    /// <summary>Gradient of <c>b_dt</c>, (E), accumulated atomically.</summary>
    public ArrayView<float> DeltaBiasGradient;

    /// <summary>Gradient of <c>A_log</c>, (E, N), accumulated atomically.</summary>
    public ArrayView<float> ALogGradient;

    /// <summary>Gradient of B, (B, L, N), accumulated atomically.</summary>
    public ArrayView<float> BGradient;

    /// <summary>Gradient of C, (B, L, N), accumulated atomically.</summary>
    public ArrayView<float> CGradient;

    /// <summary>Gradient of D, (E), accumulated atomically.</summary>
    public ArrayView<float> DGradient;

    /// <summary>Gradient of z, (B, L, E).</summary>
    public ArrayView<float> ZGradient;

    /// <summary>Gradient of g, (B, L, E); an empty view for kernels without the module.</summary>
    public ArrayView<float> GGradient;

    /// <summary>Batch size B.</summary>
    public int Batch;

    /// <summary>Sequence length L.</summary>
    public int Length;

    /// <summary>Channel count E (d_inner).</summary>
    public int Channels;

    /// <summary>Time steps per chunk of the saved states.</summary>
    public int ChunkLength;
}
