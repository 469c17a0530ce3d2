using ModelDsl.Kernels.Cpu;
using static TorchSharp.torch;

namespace ModelDsl.Tests.Kernels;

/// <summary>Inputs at the edges of the float range, and shapes with nothing to scan.</summary>
public sealed class CpuScanEdgeCaseTests
{
    /// <summary>
    /// Δ pre-activations of −1e20 and −∞ and gates z of ±1e20 reach the exp in softplus, sigmoid and
    /// SiLU far outside its range reduction. Outputs and gradients must stay finite and correct, and 17
    /// channels put the last one on the scalar lane type. (A Δ of +1e20 would overflow float32
    /// gradients on any implementation.)
    /// </summary>
    [Fact]
    public void ExtremeInputs_MatchReference()
    {
        using var scope = NewDisposeScope();
        var scanCase = new ScanCase(1, 6, 17, 4, ScanMode.Plain);
        var tensors = scanCase.CreateInputs(seed: 5);
        var deltaPre = tensors.DeltaPre.clone();
        var z = tensors.Z.clone();
        deltaPre[0, 1] = deltaPre[0, 1].fill_(-1e20);
        deltaPre[0, 3] = deltaPre[0, 3].fill_(double.NegativeInfinity);
        z[0, 2] = z[0, 2].fill_(-1e20);
        z[0, 4] = z[0, 4].fill_(1e20);

        ScanAgreement.AssertMatchesReference(new CpuScanBackend(), scanCase, tensors with { DeltaPre = deltaPre, Z = z });
    }

    [Fact]
    public void ZeroChannels_GiveZeroBAndCGradients()
    {
        using var scope = NewDisposeScope();
        var scanCase = new ScanCase(2, 5, 0, 4, ScanMode.Plain);
        var inputs = scanCase.CreateInputs(seed: 7).ToLeaves(float32);

        var output = ScanKernels.Get(4, ScanMode.Plain).Forward(new CpuScanBackend(), inputs);
        (output.sum() + (inputs.B.sum() * 0) + (inputs.C.sum() * 0)).backward();

        Assert.Equal(new long[] { 2, 5, 0 }, output.shape);
        Assert.Equal(0, inputs.B.grad!.abs().sum().item<float>());
        Assert.Equal(0, inputs.C.grad!.abs().sum().item<float>());
    }

    [Fact]
    public void ZeroLength_GivesZeroParameterGradients()
    {
        using var scope = NewDisposeScope();
        var scanCase = new ScanCase(2, 0, 17, 4, ScanMode.Plain);
        var inputs = scanCase.CreateInputs(seed: 7).ToLeaves(float32);

        var output = ScanKernels.Get(4, ScanMode.Plain).Forward(new CpuScanBackend(), inputs);
        (output.sum() + (inputs.ALog.sum() * 0) + (inputs.D.sum() * 0) + (inputs.DeltaBias.sum() * 0)).backward();

        Assert.Equal(0, inputs.ALog.grad!.abs().sum().item<float>());
        Assert.Equal(0, inputs.D.grad!.abs().sum().item<float>());
        Assert.Equal(0, inputs.DeltaBias.grad!.abs().sum().item<float>());
    }
}
