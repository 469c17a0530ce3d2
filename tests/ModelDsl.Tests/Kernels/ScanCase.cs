using static TorchSharp.torch;

namespace ModelDsl.Tests.Kernels;

/// <summary>Shape and mode of one scan comparison.</summary>
public sealed record ScanCase(int Batch, int Length, int Channels, int DState, ScanMode Mode)
{
    /// <summary>Odd channel count: with 16 lanes one full block, one 8-lane block and a 3-channel scalar tail.</summary>
    public const int OddChannels = 27;

    /// <summary>Even channel count: one 16-lane block and one 8-lane block (three 8-lane blocks on AVX2).</summary>
    public const int EvenChannels = 24;

    public static readonly int[] Lengths = [1, 2, 3, 17, 128, 1000];
    public static readonly int[] DStates = [1, 4, 16, 64];
    public static readonly int[] Batches = [1, 3];
    public static readonly int[] ChannelCounts = [OddChannels, EvenChannels];

    /// <summary>
    /// The shared case grid. Plain mixers get the full product of every length, d_state, batch and
    /// channel parity; GateDelta and AddToInput get every d_state and channel parity at L = 3, 128 and
    /// 1000 with batch 3, because their kernels differ from Plain only in per-step element-wise code.
    /// L = 1000 is the only length with several recompute chunks (the last one ragged).
    /// </summary>
    public static IEnumerable<ScanCase> Grid()
    {
        foreach (var dState in DStates)
        {
            foreach (var length in Lengths)
            {
                foreach (var batch in Batches)
                {
                    foreach (var channels in ChannelCounts)
                    {
                        yield return new ScanCase(batch, length, channels, dState, ScanMode.Plain);
                    }
                }
            }

            foreach (var mode in new[] { ScanMode.GateDelta, ScanMode.AddToInput })
            {
                foreach (var length in new[] { 3, 128, 1000 })
                {
                    foreach (var channels in ChannelCounts)
                    {
                        yield return new ScanCase(3, length, channels, dState, mode);
                    }
                }
            }
        }
    }

    /// <summary>The grid as xUnit theory data.</summary>
    public static TheoryData<ScanCase> GridData()
    {
        var data = new TheoryData<ScanCase>();
        foreach (var scanCase in Grid())
        {
            data.Add(scanCase);
        }

        return data;
    }

    /// <summary>
    /// Draws float64 inputs of this shape with the scales of a trained mixer: Δ bias from the Mamba
    /// initialisation (softplus(b_dt) in [0.001, 0.1]), A_log = ln(n + 1) plus noise, unit-scale
    /// activations.
    /// </summary>
    public ScanTensors CreateInputs(long seed)
    {
        using var generator = new Generator((ulong)seed);
        var activation = new long[] { Batch, Length, Channels };
        var stateShape = new long[] { Batch, Length, DState };

        var x = randn(activation, dtype: float64, generator: generator);
        var deltaPre = randn(activation, dtype: float64, generator: generator) * 0.5;
        var dt = exp(rand(Channels, dtype: float64, generator: generator) * (Math.Log(0.1) - Math.Log(0.001)) + Math.Log(0.001));
        var deltaBias = dt + log(-expm1(-dt));
        var aLog = log(arange(1, DState + 1, dtype: float64)).unsqueeze(0).expand(Channels, DState)
            + randn(Channels, DState, dtype: float64, generator: generator) * 0.1;
        var b = randn(stateShape, dtype: float64, generator: generator);
        var c = randn(stateShape, dtype: float64, generator: generator);
        var d = randn(Channels, dtype: float64, generator: generator);
        var z = randn(activation, dtype: float64, generator: generator);
        var g = Mode == ScanMode.Plain ? null : randn(activation, dtype: float64, generator: generator);
        var outputWeights = randn(activation, dtype: float64, generator: generator);
        return new ScanTensors(x, deltaPre, deltaBias, aLog.contiguous(), b, c, d, z, g, outputWeights);
    }

    /// <summary>Global selection variant passed with g; GateDelta when the case has none.</summary>
    public GlobalSelectionVariant Variant => Mode == ScanMode.AddToInput ? GlobalSelectionVariant.AddToInput : GlobalSelectionVariant.GateDelta;

    public override string ToString() => $"B{Batch} L{Length} E{Channels} N{DState} {Mode}";
}
