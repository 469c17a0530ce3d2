using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ModelDsl.Tests.Kernels;

/// <summary>Two Mamba layers, the second with global selection, for the fused-versus-reference training check.</summary>
[MambaModel(VocabSize = 8, DModel = 16, Layers = 2)]
[MambaMixer(DState = 4, DConv = 3, DtRank = 2)]
[GlobalSelection(KernelSize = 4, Layers = [1])]
public partial class FusedTrainingModel;

public sealed class FusedTrainingTests
{
    private const int Steps = 12;

    /// <summary>
    /// Trains the same generated model from the same seed on the fused and on the reference path,
    /// and requires equal losses at every step within the kernel tolerances. The fused path runs on
    /// the process's scan backend, which is the CPU kernels on a machine without CUDA.
    /// </summary>
    [Fact]
    public void FusedPath_TrainsLikeReference()
    {
        var fused = Train(ScanPath.Fused);
        var reference = Train(ScanPath.Reference);

        for (var step = 0; step < Steps; step++)
        {
            var tolerance = ScanAgreement.AbsoluteTolerance + ScanAgreement.RelativeTolerance * Math.Abs(reference[step]);
            Assert.True(
                Math.Abs(fused[step] - reference[step]) <= tolerance,
                $"Step {step}: fused loss {fused[step]:F6}, reference loss {reference[step]:F6}.");
        }

        Assert.True(fused[^1] < 0.8f * fused[0], $"Fused loss went from {fused[0]:F3} to {fused[^1]:F3} in {Steps} steps; expected a clear drop.");
    }

    private static float[] Train(ScanPath scanPath)
    {
        using var model = new FusedTrainingModel(new ModelOptions { Seed = 77, ScanPath = scanPath });
        using var optimizer = optim.AdamW(model.parameters(), lr: 1e-2);

        // Next-token prediction on a repeating pattern.
        using var sequence = tensor(new long[] { 1, 5, 2, 7, 3, 1, 5, 2, 7, 3, 1, 5, 2, 7, 3, 1, 5 }).unsqueeze(0).repeat(3, 1);
        using var inputs = sequence.narrow(1, 0, 16);
        using var targets = sequence.narrow(1, 1, 16);

        var losses = new float[Steps];
        for (var step = 0; step < Steps; step++)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var logits = model.call(inputs);
            var loss = nn.functional.cross_entropy(logits.reshape(-1, 8), targets.reshape(-1));
            loss.backward();
            optimizer.step();
            losses[step] = loss.item<float>();
        }

        return losses;
    }
}
