using Microsoft.Extensions.Logging.Abstractions;
using ModelDsl.Modules;
using ModelDsl.Tasks;
using ModelDsl.Tests.Modules;
using ModelDsl.Training;

namespace ModelDsl.Tests.Training;

/// <summary>
/// Trains on a few of the n-gram examples published with You et al. (2024) and scores the same
/// examples. A model that has learnt them by heart scores near 100 % only if the loader's labels,
/// the trainer's shift of each label to the position before it and the scorer all agree.
/// </summary>
public sealed class PaperDataFitTests
{
    private const int VocabSize = 20480;

    [Fact]
    public void TinyModelFitsItsTrainingExamples()
    {
        var examples = RecallJsonlLoader.Load(TrainSplit("ngram-k2v2-standard"), VocabSize)
            .Where(example => example.Length == 64)
            .Take(32)
            .ToList();
        var architecture = TestArchitectures.Model("PaperFit", vocabSize: VocabSize, dModel: 32, tieEmbeddings: true,
            TestArchitectures.Mixer(dModel: 32, dState: 8, dConv: 4, dtRank: 2),
            TestArchitectures.Mixer(dModel: 32, dState: 8, dConv: 4, dtRank: 2));
        using var model = new HandWrittenModel(architecture, new ModelOptions { Seed = 5 });
        var options = new TrainingOptions { Steps = 400, BatchSize = 16, LearningRate = 1e-2, WarmupFraction = 0.05, EvalEvery = 100, Seed = 3 };

        var result = new RecallTrainer(model, options, NullLogger.Instance).Train(examples, examples);
        var score = RecallEvaluator.Evaluate(model, examples, batchSize: 16);

        Assert.Equal(32, examples.Count);
        Assert.True(result.History[^1].Loss < 0.1, $"training loss went {result.History[0].Loss:F3} → {result.History[^1].Loss:F3}");
        Assert.True(score.MeanQueryAccuracy >= 90, $"accuracy on the training examples is {score.MeanQueryAccuracy:F1}%");
    }

    /// <summary>Returns the path of the training split in examples/data/paper-mqar, searched from the test binaries upwards.</summary>
    private static string TrainSplit(string task)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var path = Path.Combine(folder.FullName, "examples", "data", "paper-mqar", task, "train.jsonl");
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException($"examples/data/paper-mqar/{task}/train.jsonl not found above {AppContext.BaseDirectory}.");
    }
}
