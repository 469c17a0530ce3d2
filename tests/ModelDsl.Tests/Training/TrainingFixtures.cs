using ModelDsl.Modules;
using ModelDsl.Tasks;
using ModelDsl.Tests.Modules;
using ModelDsl.Training;

namespace ModelDsl.Tests.Training;

/// <summary>A tiny MQAR task and tiny models that learn it in seconds on the reference scan.</summary>
internal static class TrainingFixtures
{
    public static readonly MqarTaskSettings TinyTask = new(VocabSize: 16, SequenceLength: 8, PairCount: 2);

    // Thousands of examples keep the model from memorising them; a few hundred are learnt by heart.
    public static readonly IReadOnlyList<RecallExample> TrainSet = MqarGenerator.Generate(TinyTask, count: 4096, seed: 1);

    public static readonly IReadOnlyList<RecallExample> ValidSet = MqarGenerator.Generate(TinyTask, count: 64, seed: 2);

    public static ModelDescription Architecture(int dState = 8, string name = "TinyMamba") =>
        TestArchitectures.Model(name, vocabSize: 16, dModel: 32, tieEmbeddings: true,
            TestArchitectures.Mixer(dModel: 32, dState: dState, dConv: 4, dtRank: 2),
            TestArchitectures.Mixer(dModel: 32, dState: dState, dConv: 4, dtRank: 2));

    public static HandWrittenModel Model(int dState = 8, string name = "TinyMamba") =>
        new(Architecture(dState, name), new ModelOptions { ScanPath = ScanPath.Reference, Seed = 5 });

    public static TrainingOptions Options(int steps, string? checkpoints = null) => new()
    {
        Steps = steps,
        BatchSize = 32,
        LearningRate = 1e-2,
        WarmupFraction = 0.05,
        EvalEvery = 25,
        Seed = 3,
        CheckpointDirectory = checkpoints,
    };

    public static string TemporaryFolder()
    {
        var path = Path.Combine(Path.GetTempPath(), "modeldsl-train-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }
}

/// <summary>Reports progress synchronously, unlike <see cref="Progress{T}"/>, which posts to a synchronisation context.</summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
