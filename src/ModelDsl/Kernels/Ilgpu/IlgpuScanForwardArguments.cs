using ILGPU;

namespace ModelDsl.Kernels.Ilgpu;

/// <summary>
/// Arguments of a generated ILGPU forward scan kernel. Activations are flattened (B, L, E) views, B and C
/// are flattened (B, L, N) views, and one kernel thread handles one (batch, channel) pair.
/// </summary>
/// <remarks>
/// The fields are mutable because ILGPU passes kernel arguments by value and the runtime fills them with an
/// object initializer; kernels only read them.
/// </remarks>
public struct IlgpuScanForwardArguments
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

    /// <summary>Gated output, (B, L, E), written by the kernel.</summary>
    public ArrayView<float> Output;

    /// <summary>
    /// State entering each chunk, (chunk count, N, B·E), written by the kernel; see <see cref="IlgpuScanChunking"/>.
    /// </summary>
    public ArrayView<float> ChunkStates;

    /// <summary>Batch size B.</summary>
    public int Batch;

    /// <summary>Sequence length L.</summary>
    public int Length;

    /// <summary>Channel count E (d_inner).</summary>
    public int Channels;

    /// <summary>Time steps per chunk of the saved states.</summary>
    public int ChunkLength;
}
