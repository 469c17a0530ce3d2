using ModelDsl.Kernels.Cpu;

namespace ModelDsl.Kernels;

/// <summary>The CPU members that the generator emits into every kernel class.</summary>
public abstract partial class SelectiveScanKernel
{
    /// <summary>
    /// Runs the forward scan over all time steps for one batch row and the <paramref name="width"/>
    /// channels starting at <paramref name="channel"/>, writing the output and, when
    /// <see cref="CpuScanProblem.ChunkStates"/> is present, the state entering each chunk.
    /// </summary>
    /// <param name="width">Lanes per step: 16 (Vector512), 8 (Vector256) or 1 (scalar).</param>
    /// <exception cref="NotSupportedException">This class is not generated, such as a test stand-in.</exception>
    /// <remarks>
    /// Protected rather than protected internal: an override in the generated code of an assembly
    /// with access to ModelDsl's internals would otherwise need other modifiers than one without.
    /// Virtual rather than abstract so hand-written stand-ins for the reference path need not implement it.
    /// </remarks>
    protected virtual void ForwardCpuBlock(in CpuScanProblem problem, long batch, long channel, int width)
        => throw NotGenerated();

    /// <summary>
    /// Runs the backward scan over one chunk for one batch row and the <paramref name="width"/>
    /// channels starting at <paramref name="channel"/>: recomputes the chunk from its saved entering
    /// state, writes the element-wise gradients and adds the reduced ones to <paramref name="workspace"/>.
    /// The chunks of a block must run from last to first with the same block state in the workspace.
    /// </summary>
    /// <param name="width">Lanes per step: 16 (Vector512), 8 (Vector256) or 1 (scalar).</param>
    /// <exception cref="NotSupportedException">This class is not generated, such as a test stand-in.</exception>
    protected virtual void BackwardCpuBlock(in CpuScanProblem problem, in CpuScanWorkspace workspace, long batch, long channel, long chunk, int width)
        => throw NotGenerated();

    private NotSupportedException NotGenerated()
        => new($"{GetType().Name} has no CPU kernels because it is not a generated kernel class; use a kernel from a [MambaModel] declaration or the reference scan path.");

    /// <summary>Calls <see cref="ForwardCpuBlock"/> for the CPU backend.</summary>
    internal void RunForwardCpuBlock(in CpuScanProblem problem, long batch, long channel, int width)
        => ForwardCpuBlock(in problem, batch, channel, width);

    /// <summary>Calls <see cref="BackwardCpuBlock"/> for the CPU backend.</summary>
    internal void RunBackwardCpuBlock(in CpuScanProblem problem, in CpuScanWorkspace workspace, long batch, long channel, long chunk, int width)
        => BackwardCpuBlock(in problem, in workspace, batch, channel, chunk, width);
}
