using ModelDsl.Modules;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ModelDsl.Tests.Modules;

public sealed class TrainingStepTests
{
    [Fact]
    public void AdamWSteps_ReduceLoss()
    {
        var mixer = TestArchitectures.Mixer(dModel: 16, dtRank: 2, globalSelection: new GlobalSelectionSettings(4, GlobalSelectionVariant.GateDelta));
        var description = TestArchitectures.Model("Tiny", vocabSize: 8, dModel: 16, tieEmbeddings: true, mixer);
        using var model = new HandWrittenModel(description, new ModelOptions { Seed = 41, ScanPath = ScanPath.Reference });
        using var optimizer = optim.AdamW(
        [
            new AdamW.ParamGroup(model.WeightDecayParameters(), new AdamW.Options { weight_decay = 0.1 }),
            new AdamW.ParamGroup(model.NoWeightDecayParameters(), new AdamW.Options { weight_decay = 0.0 }),
        ], lr: 1e-2);

        // Next-token prediction on a repeating pattern: learnable from the previous token alone.
        using var sequence = tensor(new long[] { 1, 5, 2, 7, 3, 1, 5, 2, 7, 3, 1, 5, 2 }).unsqueeze(0).repeat(4, 1);
        using var inputs = sequence.narrow(1, 0, 12);
        using var targets = sequence.narrow(1, 1, 12);

        var losses = new List<float>();
        for (var step = 0; step < 25; step++)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var logits = model.call(inputs);
            var loss = nn.functional.cross_entropy(logits.reshape(-1, 8), targets.reshape(-1));
            loss.backward();
            optimizer.step();
            losses.Add(loss.item<float>());
        }

        Assert.All(losses, loss => Assert.True(float.IsFinite(loss), $"Loss became {loss}."));
        Assert.True(losses[^1] < 0.5f * losses[0], $"Loss went from {losses[0]:F3} to {losses[^1]:F3} in 25 steps; expected it to halve.");
    }
}
