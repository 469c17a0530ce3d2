namespace ModelDsl.Kernels.Cpu;

/// <summary>
/// Memory that one backward worker owns: the recomputed chunk and its partial sums of the gradients
/// that are reductions over channels, batch or time. Workers never share a workspace, so they
/// accumulate without locks; the backend adds the partial sums up afterwards.
/// </summary>
public readonly struct CpuScanWorkspace
{
    /// <summary>
    /// States of the current chunk, (ChunkLength + 1, N, lanes): slot 0 is the state entering the
    /// chunk and slot s + 1 the state <c>h_t</c> after its step s.
    /// </summary>
    public NativeFloatBuffer History { get; init; }

    /// <summary>Decays <c>Ā_t = exp(δ_t · A)</c> of the current chunk, (ChunkLength, N, lanes).</summary>
    public NativeFloatBuffer Decay { get; init; }

    /// <summary>Gradient reaching each state from the following step, <c>Ā_{t+1}·G_{t+1}</c>, (N, lanes).</summary>
    public NativeFloatBuffer Carry { get; init; }

    /// <summary>A of the current channel block, (N, lanes).</summary>
    public NativeFloatBuffer ALanes { get; init; }

    /// <summary>Gradient of A for the current channel block, (N, lanes), summed over its time steps.</summary>
    public NativeFloatBuffer GradALanes { get; init; }

    /// <summary>Partial gradient of B, (B, L, N), summed over this worker's channels.</summary>
    public NativeFloatBuffer GradB { get; init; }

    /// <summary>Partial gradient of C, (B, L, N), summed over this worker's channels.</summary>
    public NativeFloatBuffer GradC { get; init; }

    /// <summary>Partial gradient of A (not A_log), transposed to (N, E), summed over this worker's batches and time.</summary>
    public NativeFloatBuffer GradATransposed { get; init; }

    /// <summary>Partial gradient of D, (E).</summary>
    public NativeFloatBuffer GradD { get; init; }

    /// <summary>Partial gradient of the Δ bias, (E).</summary>
    public NativeFloatBuffer GradDeltaBias { get; init; }
}
