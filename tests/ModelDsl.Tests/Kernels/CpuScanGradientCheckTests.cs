using ModelDsl.Kernels;
using ModelDsl.Kernels.Cpu;
using static TorchSharp.torch;

namespace ModelDsl.Tests.Kernels;

public sealed class CpuScanGradientCheckTests
{
    private const double Step = 1e-6;

    /// <summary>
    /// Checks the fused CPU gradients against float64 central finite differences of the reference
    /// scan, for a few elements of every input. E = 17 runs one 16-lane block (8-lane blocks on
    /// AVX2) and one scalar channel.
    /// </summary>
    [Theory]
    [InlineData(ScanMode.Plain)]
    [InlineData(ScanMode.GateDelta)]
    [InlineData(ScanMode.AddToInput)]
    public void CpuGradients_MatchFiniteDifferences(ScanMode mode)
    {
        using var scope = NewDisposeScope();
        var scanCase = new ScanCase(2, 70, 17, 4, mode);
        var tensors = scanCase.CreateInputs(seed: 99);
        var kernel = ScanKernels.Get(scanCase.DState, mode);

        var leaves = tensors.ToLeaves(float32);
        var output = kernel.Forward(new CpuScanBackend(), leaves, scanCase.Variant);
        (output * tensors.OutputWeights.to_type(float32)).sum().backward();

        var masters = ScanTensors.Enumerate(tensors.ToLeaves(float64));
        var fused = ScanTensors.Enumerate(leaves);
        var random = new Random(5);
        for (var input = 0; input < masters.Length; input++)
        {
            if (masters[input] is null)
            {
                continue;
            }

            var gradient = fused[input]!.grad!.to_type(float64).flatten();
            for (var sample = 0; sample < 4; sample++)
            {
                var index = random.NextInt64(masters[input]!.numel());
                var expected = FiniteDifference(tensors, masters, input, index, scanCase.Variant);
                var actual = gradient[index].item<double>();
                var tolerance = ScanAgreement.AbsoluteTolerance + ScanAgreement.RelativeTolerance * Math.Abs(expected);
                Assert.True(
                    Math.Abs(actual - expected) <= tolerance,
                    $"{scanCase}: gradient of {ScanTensors.Names[input]}[{index}] is {actual:G6}, finite difference {expected:G6}.");
            }
        }
    }

    /// <summary>Δ pre-activations of ±50 hit both sides of the softplus guard; results must stay finite and correct.</summary>
    [Theory]
    [InlineData(ScanMode.Plain)]
    [InlineData(ScanMode.GateDelta)]
    [InlineData(ScanMode.AddToInput)]
    public void CpuScan_SoftplusGuardAtFifty(ScanMode mode)
    {
        using var scope = NewDisposeScope();
        var scanCase = new ScanCase(2, 40, ScanCase.OddChannels, 4, mode);
        var tensors = scanCase.CreateInputs(seed: 3);
        var signs = where(rand(tensors.DeltaPre.shape, dtype: float64) > 0.5, 1.0, -1.0);
        var saturated = tensors with { DeltaPre = signs * 50.0 };

        // With GateDelta the gate SiLU(g) scales Δ_pre; g = 1.4 keeps the gated value beyond ±20.
        if (mode == ScanMode.GateDelta)
        {
            saturated = saturated with { G = full_like(tensors.G!, 1.4) };
        }

        ScanAgreement.AssertMatchesReference(new CpuScanBackend(), scanCase, saturated);
    }

    private static double FiniteDifference(ScanTensors tensors, Tensor?[] masters, int input, long index, GlobalSelectionVariant variant)
    {
        double Loss(double delta)
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            var shifted = masters.Select(tensor => tensor?.detach().clone()).ToArray();
            var flat = shifted[input]!.view(-1);
            flat[index] = flat[index] + delta;
            var inputs = new ScanInputs(shifted[0]!, shifted[1]!, shifted[2]!, shifted[3]!, shifted[4]!, shifted[5]!, shifted[6]!, shifted[7]!, shifted[8]);
            return (ScanAgreement.RunReference(inputs, variant) * tensors.OutputWeights).sum().item<double>();
        }

        return (Loss(Step) - Loss(-Step)) / (2 * Step);
    }
}
