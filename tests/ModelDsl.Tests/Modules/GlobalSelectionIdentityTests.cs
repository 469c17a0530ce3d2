using ModelDsl.Modules;
using static TorchSharp.torch;

namespace ModelDsl.Tests.Modules;

public sealed class GlobalSelectionIdentityTests
{
    [Fact]
    public void IdentityGate_MatchesPlainMixer()
    {
        var plainSettings = TestArchitectures.Mixer();
        var gatedSettings = plainSettings with { GlobalSelection = new GlobalSelectionSettings(5, GlobalSelectionVariant.GateDelta) };
        using var plain = new MambaMixer("mixer", plainSettings, new TestScanKernel(4), ScanPath.Reference);
        using var gated = new MambaMixer("mixer", gatedSettings, new TestScanKernel(4), ScanPath.Reference);
        var gatedParameters = gated.named_parameters().ToDictionary(entry => entry.name, entry => entry.parameter);

        // Same weights everywhere, and a long convolution whose output is the constant b with SiLU(b) = 1.
        var bias = SolveSiluEqualsOne();
        using (no_grad())
        {
            foreach (var (name, parameter) in plain.named_parameters())
            {
                gatedParameters[name].copy_(parameter);
            }

            gatedParameters["long_conv.weight"].zero_();
            gatedParameters["long_conv.bias"].fill_(bias);
        }

        using var generator = new Generator(21, CPU);
        using var input = randn([2, 9, 8], generator: generator);
        using var outputWeights = randn([2, 9, 8], generator: generator);
        using var plainOutput = plain.call(input);
        using var gatedOutput = gated.call(input);
        (plainOutput * outputWeights).sum().backward();
        (gatedOutput * outputWeights).sum().backward();

        Assert.True(plainOutput.allclose(gatedOutput, rtol: 1e-5, atol: 1e-6), "Outputs differ with an identity gate.");
        foreach (var (name, parameter) in plain.named_parameters())
        {
            var expected = parameter.grad!;
            var actual = gatedParameters[name].grad!;
            Assert.True(
                expected.allclose(actual, rtol: 1e-4, atol: 1e-6),
                $"Gradient of {name} differs with an identity gate: largest difference {(expected - actual).abs().max().item<float>():E2}, largest value {expected.abs().max().item<float>():E2}.");
        }

        // The gate still passes gradient to the long convolution.
        Assert.True(gatedParameters["long_conv.weight"].grad!.abs().max().item<float>() > 0, "long_conv.weight got no gradient.");
    }

    [Fact]
    public void SiluEqualsOne_SolvedByNewton()
    {
        var b = SolveSiluEqualsOne();

        Assert.Equal(1.27846, b, 5);
        Assert.Equal(1.0, Float64ReferenceModel.Silu(b), 12);
    }

    /// <summary>Solves b · σ(b) = 1 by Newton's method. The derivative of SiLU is σ(b)(1 + b(1 − σ(b))).</summary>
    private static double SolveSiluEqualsOne()
    {
        var b = 1.0;
        for (var iteration = 0; iteration < 50; iteration++)
        {
            var sigmoid = 1 / (1 + Math.Exp(-b));
            var step = (b * sigmoid - 1) / (sigmoid * (1 + b * (1 - sigmoid)));
            b -= step;
            if (Math.Abs(step) < 1e-15)
            {
                break;
            }
        }

        return b;
    }
}
