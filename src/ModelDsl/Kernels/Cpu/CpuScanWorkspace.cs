namespace ModelDsl.Kernels.Cpu;

/// <summary>
/// Memory that one backward call of a generated kernel works in. It contains the worker's recomputed
/// chunk, its lane terms of the B and C gradients, its partial sums of the gradients that are
/// reductions over batch or time, and the state its current channel block carries between chunks. Workers never
/// share a workspace, so they accumulate without locks; the backend adds the partial sums up afterwards.
/// </summary>
public readonly struct CpuScanWorkspace
{
    /// <summary>Floats between the lane terms of two states in <see cref="TermsB"/> and <see cref="TermsC"/>, the widest register.</summary>
    public const int TermStride = 16;

    /// <summary>
    /// States of the current chunk, (ChunkLength + 1, N, lanes): slot 0 is the state entering the
    /// chunk and slot s + 1 the state <c>h_t</c> after its step s.
    /// </summary>
    public NativeFloatBuffer History { get; init; }

    /// <summary>Decays <c>Ā_t = exp(δ_t · A)</c> of the current chunk, (ChunkLength, N, lanes).</summary>
    public NativeFloatBuffer Decay { get; init; }

    /// <summary>Gradient reaching each state of the current block from the following step, <c>Ā_{t+1}·G_{t+1}</c>, (N, lanes).</summary>
    public NativeFloatBuffer Carry { get; init; }

    /// <summary>A of the current channel block, (N, lanes).</summary>
    public NativeFloatBuffer ALanes { get; init; }

    /// <summary>Gradient of A for the current channel block, (N, lanes), summed over its time steps.</summary>
    public NativeFloatBuffer GradALanes { get; init; }

    /// <summary>
    /// Lane products of the B gradient for the current chunk, (ChunkLength, N, <see cref="TermStride"/>),
    /// added up over the worker's channel blocks; their lane sums are the worker's share of the B gradient.
    /// </summary>
    public NativeFloatBuffer TermsB { get; init; }

    /// <summary>Lane products of the C gradient for the current chunk, laid out like <see cref="TermsB"/>.</summary>
    public NativeFloatBuffer TermsC { get; init; }

    /// <summary>Gradients of D and of the Δ bias for the current channel block, at 0 and <see cref="TermStride"/>.</summary>
    public NativeFloatBuffer BlockSums { get; init; }

    /// <summary>Partial gradient of A (not A_log), transposed to (N, E), summed over this worker's batches and time.</summary>
    public NativeFloatBuffer GradATransposed { get; init; }

    /// <summary>Partial gradient of D, (E).</summary>
    public NativeFloatBuffer GradD { get; init; }

    /// <summary>Partial gradient of the Δ bias, (E).</summary>
    public NativeFloatBuffer GradDeltaBias { get; init; }
}
