using System.Numerics;

namespace ModelDsl.Kernels.Cpu;

/// <summary>
/// Where the CPU backward keeps its scratch data inside one <see cref="CpuScanScratch"/> block: A
/// transposed, then per worker the partial sums of the reduced gradients (B and C: batch·L·d_state
/// each; A: d_state·channels; D and the Δ bias: channels each), the chunk recompute buffers, the
/// carried state gradient, and A and its gradient for the current channel block in lane-major order. Every region starts on a 64-byte boundary.
/// </summary>
internal sealed class CpuScanBackwardLayout
{
    private const long RegionAlignment = 16;

    private readonly long channels;
    private readonly int dState;
    private readonly int workers;
    private readonly long bcCount;
    private readonly long aFloats;
    private readonly long bcFloats;
    private readonly long historyFloats;
    private readonly long decayFloats;
    private readonly long laneFloats;
    private readonly long workerFloats;

    public CpuScanBackwardLayout(long batch, long length, long channels, int dState, int chunkLength, int workers)
    {
        this.channels = channels;
        this.dState = dState;
        this.workers = workers;
        bcCount = batch * length * dState;
        aFloats = Align(dState * channels);
        bcFloats = Align(bcCount);
        laneFloats = Align((long)dState * CpuScanBackend.MaxLaneWidth);
        historyFloats = (chunkLength + 1) * laneFloats;
        decayFloats = chunkLength * laneFloats;
        workerFloats = 2 * bcFloats + aFloats + 2 * Align(channels) + historyFloats + decayFloats + 3 * laneFloats;
    }

    /// <summary>Floats the whole layout needs.</summary>
    public long TotalFloats => aFloats + workers * workerFloats;

    /// <summary>A = −exp(A_log) as (d_state, channels).</summary>
    public NativeFloatBuffer ATransposed(NativeFloatBuffer scratch) => scratch;

    /// <summary>Returns the buffers of <paramref name="worker"/>.</summary>
    public CpuScanWorkspace Workspace(NativeFloatBuffer scratch, int worker)
    {
        var start = aFloats + worker * workerFloats;
        var gradB = start;
        var gradC = gradB + bcFloats;
        var gradA = gradC + bcFloats;
        var gradD = gradA + aFloats;
        var gradBias = gradD + Align(channels);
        var history = gradBias + Align(channels);
        var decay = history + historyFloats;
        var carry = decay + decayFloats;
        var aLanes = carry + laneFloats;
        var gradALanes = aLanes + laneFloats;
        return new CpuScanWorkspace
        {
            GradB = scratch.Offset(gradB),
            GradC = scratch.Offset(gradC),
            GradATransposed = scratch.Offset(gradA),
            GradD = scratch.Offset(gradD),
            GradDeltaBias = scratch.Offset(gradBias),
            History = scratch.Offset(history),
            Decay = scratch.Offset(decay),
            Carry = scratch.Offset(carry),
            ALanes = scratch.Offset(aLanes),
            GradALanes = scratch.Offset(gradALanes),
        };
    }

    /// <summary>Zeroes the partial sums of one worker, which lie in one run from its B sums to its Δ bias sums.</summary>
    public unsafe void ClearPartialSums(CpuScanWorkspace workspace)
    {
        var floats = 2 * bcFloats + aFloats + 2 * Align(channels);
        new Span<float>((void*)workspace.GradB.Address, checked((int)floats)).Clear();
    }

    /// <summary>
    /// Adds up the workers' partial sums in worker order and writes the gradients of B, C, A_log
    /// (the A sums times A, transposed back to (channels, d_state)), D and the Δ bias.
    /// </summary>
    public void ReducePartialSums(
        NativeFloatBuffer scratch,
        NativeFloatBuffer gradB,
        NativeFloatBuffer gradC,
        NativeFloatBuffer gradALog,
        NativeFloatBuffer gradD,
        NativeFloatBuffer gradDeltaBias)
    {
        var first = Workspace(scratch, 0);
        Sum(first.GradB, gradB, bcCount);
        Sum(first.GradC, gradC, bcCount);
        Sum(first.GradD, gradD, channels);
        Sum(first.GradDeltaBias, gradDeltaBias, channels);

        var aTransposed = ATransposed(scratch);
        for (var state = 0; state < dState; state++)
        {
            for (long channel = 0; channel < channels; channel++)
            {
                var index = state * channels + channel;
                var total = 0f;
                for (var worker = 0; worker < workers; worker++)
                {
                    total += Workspace(scratch, worker).GradATransposed[index];
                }

                gradALog[channel * dState + state] = total * aTransposed[index];
            }
        }
    }

    /// <summary>
    /// Writes to <paramref name="destination"/> the sum over workers of <paramref name="length"/> floats
    /// that start at <paramref name="firstWorker"/> for worker 0 and one worker region further for each next worker.
    /// </summary>
    private unsafe void Sum(NativeFloatBuffer firstWorker, NativeFloatBuffer destination, long length)
    {
        var output = new Span<float>((void*)destination.Address, checked((int)length));
        new ReadOnlySpan<float>((void*)firstWorker.Address, output.Length).CopyTo(output);
        for (var worker = 1; worker < workers; worker++)
        {
            var part = new ReadOnlySpan<float>((void*)firstWorker.Offset(worker * workerFloats).Address, output.Length);
            var i = 0;
            for (; i + Vector<float>.Count <= output.Length; i += Vector<float>.Count)
            {
                (new Vector<float>(output[i..]) + new Vector<float>(part[i..])).CopyTo(output[i..]);
            }

            for (; i < output.Length; i++)
            {
                output[i] += part[i];
            }
        }
    }

    private static long Align(long floats) => (floats + RegionAlignment - 1) / RegionAlignment * RegionAlignment;
}
