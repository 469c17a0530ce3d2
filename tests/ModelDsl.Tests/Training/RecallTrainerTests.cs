using Microsoft.Extensions.Logging.Abstractions;
using ModelDsl.Training;
using static TorchSharp.torch;

namespace ModelDsl.Tests.Training;

public sealed class RecallTrainerTests
{
    [Fact]
    public void TinyModelLearnsTinyMqar()
    {
        using var model = TrainingFixtures.Model();
        var trainer = new RecallTrainer(model, TrainingFixtures.Options(steps: 300) with { EarlyStopAccuracy = 60 }, NullLogger.Instance);

        var result = trainer.Train(TrainingFixtures.TrainSet, TrainingFixtures.ValidSet);

        Assert.NotNull(result.BestValidation);
        // Chance is 1 in 8 values per query, so 50% shows recall was learnt rather than guessed.
        Assert.True(result.BestValidation.MeanQueryAccuracy >= 50, $"validation accuracy {result.BestValidation.MeanQueryAccuracy:F1}% after {result.LastStep} steps; the loss went {result.History[0].Loss:F3} → {result.History[^1].Loss:F3}");
        Assert.True(result.History[^1].Loss < result.History[0].Loss / 2, $"loss went {result.History[0].Loss:F3} → {result.History[^1].Loss:F3}");
    }

    [Fact]
    public void SameSeedGivesSameNumbers()
    {
        double[] Run()
        {
            using var model = TrainingFixtures.Model();
            var result = new RecallTrainer(model, TrainingFixtures.Options(steps: 12) with { EvalEvery = 4 }, NullLogger.Instance)
                .Train(TrainingFixtures.TrainSet, TrainingFixtures.ValidSet);
            return result.History.Select(entry => entry.Loss).ToArray();
        }

        var first = Run();
        var second = Run();

        Assert.NotEmpty(first);
        Assert.Equal(first, second);
    }

    [Fact]
    public void ResumeContinuesStoppedRun()
    {
        var folder = TrainingFixtures.TemporaryFolder();
        try
        {
            var options = TrainingFixtures.Options(steps: 20, Path.Combine(folder, "resumed")) with { EvalEvery = 5 };

            // Stop the first session right after the checkpoint at step 10.
            using var cancellation = new CancellationTokenSource();
            using (var model = TrainingFixtures.Model())
            {
                var stop = new SynchronousProgress<TrainingProgress>(progress =>
                {
                    if (progress.Step == 10)
                    {
                        cancellation.Cancel();
                    }
                });
                var stopped = new RecallTrainer(model, options, NullLogger.Instance).Train(TrainingFixtures.TrainSet, TrainingFixtures.ValidSet, stop, cancellation.Token);
                Assert.Equal(TrainingStopReason.Cancelled, stopped.StopReason);
                Assert.Equal(10, stopped.LastStep);
            }

            TrainingResult resumed;
            using (var model = TrainingFixtures.Model())
            {
                resumed = new RecallTrainer(model, options with { Resume = true }, NullLogger.Instance).Train(TrainingFixtures.TrainSet, TrainingFixtures.ValidSet);
            }

            TrainingResult uninterrupted;
            using (var model = TrainingFixtures.Model())
            {
                uninterrupted = new RecallTrainer(model, options with { CheckpointDirectory = Path.Combine(folder, "whole") }, NullLogger.Instance).Train(TrainingFixtures.TrainSet, TrainingFixtures.ValidSet);
            }

            Assert.Equal(TrainingStopReason.Completed, resumed.StopReason);
            Assert.Equal(20, resumed.LastStep);
            Assert.Equal(uninterrupted.History.Select(entry => entry.Step), resumed.History.Select(entry => entry.Step));
            for (var i = 0; i < uninterrupted.History.Count; i++)
            {
                Assert.Equal(uninterrupted.History[i].Loss, resumed.History[i].Loss, precision: 5);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void NonFiniteLossStopsAndKeepsCheckpoint()
    {
        var folder = TrainingFixtures.TemporaryFolder();
        try
        {
            var options = TrainingFixtures.Options(steps: 20, folder) with { EvalEvery = 5 };
            using (var model = TrainingFixtures.Model())
            {
                new RecallTrainer(model, options with { Steps = 10 }, NullLogger.Instance).Train(TrainingFixtures.TrainSet, TrainingFixtures.ValidSet);
            }

            var store = new CheckpointStore(folder);
            var savedWeights = File.ReadAllBytes(Path.Combine(folder, store.ReadMetadata(CheckpointStore.LastTag)!.WeightsFile));

            using (var model = TrainingFixtures.Model())
            {
                // A step size of 1e30 pushes the weights so far that the logits overflow and the loss becomes NaN or infinite.
                var result = new RecallTrainer(model, options with { Resume = true, LearningRate = 1e30 }, NullLogger.Instance)
                    .Train(TrainingFixtures.TrainSet, TrainingFixtures.ValidSet);

                Assert.Equal(TrainingStopReason.NonFiniteLoss, result.StopReason);
                Assert.Matches(@"loss became (NaN|∞|-∞|Infinity|-Infinity) at step 1\d; .*last good checkpoint \(step 10\)", result.Message);
            }

            var metadata = store.ReadMetadata(CheckpointStore.LastTag)!;
            Assert.Equal(10, metadata.Step);
            Assert.Equal(savedWeights, File.ReadAllBytes(Path.Combine(folder, metadata.WeightsFile)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void NaNWeightsStopAtFirstStep()
    {
        using var model = TrainingFixtures.Model();
        using (no_grad())
        {
            model.parameters().First().fill_(double.NaN);
        }

        var result = new RecallTrainer(model, TrainingFixtures.Options(steps: 5), NullLogger.Instance).Train(TrainingFixtures.TrainSet, TrainingFixtures.ValidSet);

        Assert.Equal(TrainingStopReason.NonFiniteLoss, result.StopReason);
        Assert.StartsWith("loss became NaN at step 1;", result.Message);
        Assert.Equal(0, result.LastStep);
    }

    [Fact]
    public void TimeLimitStopsAfterValidation()
    {
        using var model = TrainingFixtures.Model();
        var options = TrainingFixtures.Options(steps: 1000) with { TimeLimit = TimeSpan.FromMilliseconds(1) };

        var result = new RecallTrainer(model, options, NullLogger.Instance).Train(TrainingFixtures.TrainSet, TrainingFixtures.ValidSet);

        Assert.Equal(TrainingStopReason.TimeLimitReached, result.StopReason);
        Assert.Equal(1, result.LastStep);
        Assert.NotNull(result.BestValidation);
        Assert.StartsWith("time limit 0 s reached at step 1 of 1000", result.Message);
    }
}
