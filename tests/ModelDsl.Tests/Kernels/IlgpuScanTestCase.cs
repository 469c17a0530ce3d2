using static TorchSharp.torch;

namespace ModelDsl.Tests.Kernels;

/// <summary>
/// One configuration of the ILGPU scan tests, with random inputs drawn like the inputs of a freshly initialised Mamba mixer:
/// Δ bias from the inverse softplus of dt ∈ [0.001, 0.1], <c>A_log[d, n] = ln(n + 1)</c>, unit-scale activations.
/// </summary>
public sealed record IlgpuScanTestCase(int Batch, int Length, int Channels, int DState, GlobalSelectionVariant? Variant)
{
    /// <summary>Name of the generated kernel class for this case, such as <c>SelectiveScanN16GateDelta</c>.</summary>
    public string KernelClassName => "SelectiveScanN" + DState + (Variant?.ToString() ?? "");

    /// <summary>Draws the inputs of this case in float64, seeded so a failure reproduces.</summary>
    public ScanInputsData CreateInputs(int seed)
    {
        var generator = new Generator().manual_seed(seed);
        var dt = exp(rand(Channels, dtype: ScalarType.Float64, generator: generator) * (Math.Log(0.1) - Math.Log(0.001)) + Math.Log(0.001));
        var deltaBias = dt + log(-expm1(-dt));
        var aLog = log(arange(1, DState + 1, dtype: ScalarType.Float64)).unsqueeze(0).repeat(Channels, 1);

        return new ScanInputsData(
            X: randn(Batch, Length, Channels, dtype: ScalarType.Float64, generator: generator),
            DeltaPre: randn(Batch, Length, Channels, dtype: ScalarType.Float64, generator: generator) * 0.5,
            DeltaBias: deltaBias,
            ALog: aLog + randn(Channels, DState, dtype: ScalarType.Float64, generator: generator) * 0.1,
            B: randn(Batch, Length, DState, dtype: ScalarType.Float64, generator: generator),
            C: randn(Batch, Length, DState, dtype: ScalarType.Float64, generator: generator),
            D: ones(Channels, dtype: ScalarType.Float64) + randn(Channels, dtype: ScalarType.Float64, generator: generator) * 0.1,
            Z: randn(Batch, Length, Channels, dtype: ScalarType.Float64, generator: generator),
            G: Variant is null ? null : randn(Batch, Length, Channels, dtype: ScalarType.Float64, generator: generator));
    }

    /// <inheritdoc />
    public override string ToString() => $"B={Batch} L={Length} E={Channels} N={DState} {Variant?.ToString() ?? "Plain"}";
}
