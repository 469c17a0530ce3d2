namespace ModelDsl.Kernels.Cpu;

/// <summary>
/// Shapes and memory of one CPU scan call, as the generated kernels read them. Activations are
/// (batch, length, channels) row-major, B and C are (batch, length, d_state), and the discretised
/// <c>A = −exp(A_log)</c> is transposed to (d_state, channels) so neighbouring channels are contiguous.
/// </summary>
public readonly struct CpuScanProblem
{
    /// <summary>Batch size.</summary>
    public long Batch { get; init; }

    /// <summary>Sequence length L.</summary>
    public long Length { get; init; }

    /// <summary>Channel count E (d_inner).</summary>
    public long Channels { get; init; }

    /// <summary>Time steps per chunk whose entering state forward saves and backward recomputes from.</summary>
    public int ChunkLength { get; init; }

    /// <summary>Number of chunks, <c>ceil(Length / ChunkLength)</c>.</summary>
    public long ChunkCount { get; init; }

    /// <summary>Scan input x, (B, L, E).</summary>
    public NativeFloatBuffer X { get; init; }

    /// <summary>Δ before its bias, (B, L, E).</summary>
    public NativeFloatBuffer DeltaPre { get; init; }

    /// <summary>Δ bias, (E).</summary>
    public NativeFloatBuffer DeltaBias { get; init; }

    /// <summary><c>A = −exp(A_log)</c> transposed, (N, E).</summary>
    public NativeFloatBuffer ATransposed { get; init; }

    /// <summary>Input matrix B, (B, L, N).</summary>
    public NativeFloatBuffer B { get; init; }

    /// <summary>Output matrix C, (B, L, N).</summary>
    public NativeFloatBuffer C { get; init; }

    /// <summary>Skip weight D, (E).</summary>
    public NativeFloatBuffer D { get; init; }

    /// <summary>Gate branch z, (B, L, E).</summary>
    public NativeFloatBuffer Z { get; init; }

    /// <summary>Global selection input g, (B, L, E); absent for kernels without global selection.</summary>
    public NativeFloatBuffer G { get; init; }

    /// <summary>
    /// States entering each chunk, (B, ChunkCount, N, E). Forward writes them when present; backward
    /// reads them.
    /// </summary>
    public NativeFloatBuffer ChunkStates { get; init; }

    /// <summary>Forward: gated output, (B, L, E).</summary>
    public NativeFloatBuffer Output { get; init; }

    /// <summary>Backward: gradient of the gated output, (B, L, E).</summary>
    public NativeFloatBuffer OutputGradient { get; init; }

    /// <summary>Backward: gradient of x, (B, L, E).</summary>
    public NativeFloatBuffer GradX { get; init; }

    /// <summary>Backward: gradient of Δ before its bias, (B, L, E).</summary>
    public NativeFloatBuffer GradDeltaPre { get; init; }

    /// <summary>Backward: gradient of z, (B, L, E).</summary>
    public NativeFloatBuffer GradZ { get; init; }

    /// <summary>Backward: gradient of g, (B, L, E); absent for kernels without global selection.</summary>
    public NativeFloatBuffer GradG { get; init; }
}
