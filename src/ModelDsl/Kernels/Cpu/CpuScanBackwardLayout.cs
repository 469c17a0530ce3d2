using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ModelDsl.Kernels.Cpu;

/// <summary>
/// Where the CPU backward keeps its scratch data inside one <see cref="CpuScanScratch"/> block: A
/// transposed, then per worker the partial sums of the reduced gradients (B and C: batch·L·d_state
/// each; A: d_state·channels; D and the Δ bias: channels each), the chunk recompute buffers, the
/// lane terms of the B and C gradients for one chunk, and the state each channel block of the
/// worker's current unit (a batch row with a group of blocks) carries from chunk to chunk. Every region starts on a 64-byte boundary.
/// </summary>
internal sealed class CpuScanBackwardLayout
{
    private const long RegionAlignment = 16;
    private const int TermStride = CpuScanWorkspace.TermStride;

    private readonly long length;
    private readonly long channels;
    private readonly int dState;
    private readonly int workers;
    private readonly long bcCount;
    private readonly long aFloats;
    private readonly long bcFloats;
    private readonly long channelFloats;
    private readonly long laneFloats;
    private readonly long historyFloats;
    private readonly long decayFloats;
    private readonly long termFloats;
    private readonly long blockStateFloats;
    private readonly long workerFloats;

    public CpuScanBackwardLayout(long batch, long length, long channels, int dState, int chunkLength, int blocksPerUnit, int workers)
    {
        this.length = length;
        this.channels = channels;
        this.dState = dState;
        this.workers = workers;
        bcCount = batch * length * dState;
        aFloats = Align(dState * channels);
        bcFloats = Align(bcCount);
        channelFloats = Align(channels);
        laneFloats = Align((long)dState * CpuScanBackend.MaxLaneWidth);
        historyFloats = (chunkLength + 1) * laneFloats;
        decayFloats = chunkLength * laneFloats;
        termFloats = Align((long)chunkLength * dState * TermStride);
        blockStateFloats = 3 * laneFloats + 2 * TermStride;
        workerFloats = 2 * bcFloats + aFloats + 2 * channelFloats + historyFloats + decayFloats + 2 * termFloats
            + blocksPerUnit * blockStateFloats;
    }

    /// <summary>Floats the whole layout needs.</summary>
    public long TotalFloats => aFloats + workers * workerFloats;

    /// <summary>A = −exp(A_log) as (d_state, channels).</summary>
    public NativeFloatBuffer ATransposed(NativeFloatBuffer scratch) => scratch;

    /// <summary>
    /// Returns the buffers of <paramref name="worker"/> with the block state of the
    /// <paramref name="blockSlot"/>-th channel block of its current unit.
    /// </summary>
    public CpuScanWorkspace Workspace(NativeFloatBuffer scratch, int worker, int blockSlot)
    {
        var regions = Regions(worker);
        var blockState = regions.BlockStates + blockSlot * blockStateFloats;
        return new CpuScanWorkspace
        {
            GradATransposed = scratch.Offset(regions.GradA),
            GradD = scratch.Offset(regions.GradD),
            GradDeltaBias = scratch.Offset(regions.GradBias),
            History = scratch.Offset(regions.History),
            Decay = scratch.Offset(regions.Decay),
            TermsB = scratch.Offset(regions.TermsB),
            TermsC = scratch.Offset(regions.TermsC),
            Carry = scratch.Offset(blockState),
            ALanes = scratch.Offset(blockState + laneFloats),
            GradALanes = scratch.Offset(blockState + 2 * laneFloats),
            BlockSums = scratch.Offset(blockState + 3 * laneFloats),
        };
    }

    /// <summary>Zeroes the partial sums of <paramref name="worker"/>, which lie in one run from its B sums to its Δ bias sums.</summary>
    public void ClearPartialSums(NativeFloatBuffer scratch, int worker)
        => Clear(scratch.Offset(Regions(worker).GradB), 2 * bcFloats + aFloats + 2 * channelFloats);

    /// <summary>Zeroes the B and C lane terms of <paramref name="worker"/> before a chunk.</summary>
    public void ClearTerms(NativeFloatBuffer scratch, int worker)
        => Clear(scratch.Offset(Regions(worker).TermsB), 2 * termFloats);

    /// <summary>
    /// Adds the lane sums of the worker's B and C terms for the <paramref name="steps"/> steps of
    /// a chunk that starts at <paramref name="firstStep"/> of <paramref name="batch"/> to its partial sums.
    /// </summary>
    public void AddTerms(NativeFloatBuffer scratch, int worker, long batch, long firstStep, int steps)
    {
        var regions = Regions(worker);
        var row = (batch * length + firstStep) * dState;
        AddLaneSums(scratch.Offset(regions.TermsB), scratch.Offset(regions.GradB + row), steps);
        AddLaneSums(scratch.Offset(regions.TermsC), scratch.Offset(regions.GradC + row), steps);
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
        Sum(scratch, Regions(0).GradB, gradB, bcCount);
        Sum(scratch, Regions(0).GradC, gradC, bcCount);
        Sum(scratch, Regions(0).GradD, gradD, channels);
        Sum(scratch, Regions(0).GradBias, gradDeltaBias, channels);

        var aTransposed = ATransposed(scratch);
        for (var state = 0; state < dState; state++)
        {
            for (long channel = 0; channel < channels; channel++)
            {
                var index = state * channels + channel;
                var total = 0f;
                for (var worker = 0; worker < workers; worker++)
                {
                    total += scratch[Regions(worker).GradA + index];
                }

                gradALog[channel * dState + state] = total * aTransposed[index];
            }
        }
    }

    private WorkerRegions Regions(int worker)
    {
        var gradB = aFloats + worker * workerFloats;
        var gradC = gradB + bcFloats;
        var gradA = gradC + bcFloats;
        var gradD = gradA + aFloats;
        var gradBias = gradD + channelFloats;
        var history = gradBias + channelFloats;
        var decay = history + historyFloats;
        var termsB = decay + decayFloats;
        var termsC = termsB + termFloats;
        return new WorkerRegions(gradB, gradC, gradA, gradD, gradBias, history, decay, termsB, termsC, termsC + termFloats);
    }

    /// <summary>
    /// Adds to each of the steps·d_state floats of <paramref name="destination"/> the sum of its
    /// <see cref="TermStride"/> lane terms. A term row is one Vector512, which .NET also supports
    /// without AVX-512, with one horizontal sum per row instead of the shuffle tree.
    /// </summary>
    private unsafe void AddLaneSums(NativeFloatBuffer terms, NativeFloatBuffer destination, int steps)
    {
        var rows = new ReadOnlySpan<Vector512<float>>((void*)terms.Address, steps * dState);
        Lanes512.AddLaneSums(rows, destination, 0);
    }

    /// <summary>
    /// Writes to <paramref name="destination"/> the sum over workers of <paramref name="count"/> floats
    /// at <paramref name="firstWorkerOffset"/> for worker 0 and one worker region further for each next worker.
    /// </summary>
    private unsafe void Sum(NativeFloatBuffer scratch, long firstWorkerOffset, NativeFloatBuffer destination, long count)
    {
        var output = new Span<float>((void*)destination.Address, checked((int)count));
        new ReadOnlySpan<float>((void*)scratch.Offset(firstWorkerOffset).Address, output.Length).CopyTo(output);
        for (var worker = 1; worker < workers; worker++)
        {
            var part = new ReadOnlySpan<float>((void*)scratch.Offset(firstWorkerOffset + worker * workerFloats).Address, output.Length);
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

    private static unsafe void Clear(NativeFloatBuffer buffer, long floats)
        => new Span<float>((void*)buffer.Address, checked((int)floats)).Clear();

    private static long Align(long floats) => (floats + RegionAlignment - 1) / RegionAlignment * RegionAlignment;

    /// <summary>Float offsets of one worker's regions from the start of the scratch block.</summary>
    [StructLayout(LayoutKind.Auto)]
    private readonly record struct WorkerRegions(
        long GradB,
        long GradC,
        long GradA,
        long GradD,
        long GradBias,
        long History,
        long Decay,
        long TermsB,
        long TermsC,
        long BlockStates);
}
