using ModelDsl.Kernels;
using ModelDsl.Kernels.Ilgpu;
using static TorchSharp.torch;

namespace ModelDsl.Tests.Kernels;

/// <summary>
/// Runs the generated ILGPU kernels on ILGPU's CPU accelerator behind the scan autograd function and
/// compares the output and every gradient with <see cref="ReferenceScan"/> in float64.
/// </summary>
public sealed class IlgpuScanAgreementTests
{
    /// <summary>
    /// The shared case grid for L ≤ 17 (every d_state, batch, channel parity and mode), L = 128 at batch 1
    /// with even channels, and L = 1000 at batch 3 with odd channels for d_state 4 in AddToInput mode. ILGPU's CPU accelerator
    /// simulates one thread per channel, so the rest of the grid at L ≥ 128 would take minutes.
    /// </summary>
    public static TheoryData<ScanCase> Cases()
    {
        var data = new TheoryData<ScanCase>();
        foreach (var scanCase in ScanCase.Grid().Where(IsCovered))
        {
            data.Add(scanCase);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void IlgpuScan_MatchesReference(ScanCase scanCase)
        => ScanAgreement.AssertMatchesReference(IlgpuScanBackend.CreateCpu(), scanCase);

    [Theory]
    [InlineData(50.0)]
    [InlineData(-50.0)]
    public void SoftplusGuard_MatchesReference(double softplusInput)
    {
        foreach (var mode in Enum.GetValues<ScanMode>())
        {
            using var scope = NewDisposeScope();
            var scanCase = new ScanCase(Batch: 2, Length: 5, Channels: 3, DState: 4, Mode: mode);
            var tensors = scanCase.CreateInputs(seed: 7);

            // δ_pre + b_dt = ±50 everywhere: far above the pass-through threshold 20, or deep in the
            // exponential tail. In GateDelta mode SiLU(g) then rescales δ_pre, spreading the softplus inputs.
            var guarded = tensors with { DeltaPre = full_like(tensors.X, softplusInput) - tensors.DeltaBias };

            AssertMatchesReference(scanCase, guarded);
        }
    }

    private static bool IsCovered(ScanCase scanCase) => scanCase.Length switch
    {
        <= 17 => true,
        128 => scanCase.Batch == 1 && scanCase.Channels == ScanCase.EvenChannels,
        _ => scanCase is { DState: 4, Batch: 3, Channels: ScanCase.OddChannels, Mode: ScanMode.AddToInput },
    };

    /// <summary>Compares output and gradients of <paramref name="tensors"/> the way the shared agreement check does.</summary>
    private static void AssertMatchesReference(ScanCase scanCase, ScanTensors tensors)
    {
        var kernel = ScanKernels.Get(scanCase.DState, scanCase.Mode);

        var reference = tensors.ToLeaves(float64);
        var expected = ScanAgreement.RunReference(reference, scanCase.Variant);
        (expected * tensors.OutputWeights).sum().backward();

        var fused = tensors.ToLeaves(float32);
        var actual = kernel.Forward(IlgpuScanBackend.CreateCpu(), fused, scanCase.Variant);
        (actual * tensors.OutputWeights.to_type(float32)).sum().backward();

        ScanAgreement.AssertClose($"{scanCase} δ_pre + b_dt guard: output", actual, expected);
        var referenceLeaves = ScanTensors.Enumerate(reference);
        var fusedLeaves = ScanTensors.Enumerate(fused);
        for (var i = 0; i < ScanTensors.Names.Length; i++)
        {
            if (referenceLeaves[i] is null)
            {
                continue;
            }

            var gradient = fusedLeaves[i]!.grad;
            Assert.True(gradient is not null, $"{scanCase}: the ILGPU scan produced no gradient for {ScanTensors.Names[i]}.");
            ScanAgreement.AssertClose($"{scanCase} δ_pre + b_dt guard: gradient of {ScanTensors.Names[i]}", gradient!, referenceLeaves[i]!.grad!);
        }
    }
}
