using System.Diagnostics;
using ModelDsl.Tasks;
using ModelDsl.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ModelDsl.Benchmarks;

/// <summary>
/// One training step of <see cref="Mamba2L"/> as RecallTrainer does it in the ablate command's default preset:
/// ForwardAt at the labelled positions, cross-entropy, backward, gradient-norm clipping at 1.0 and AdamW with
/// two parameter groups (lr 3e-3, betas 0.9 and 0.95, weight decay 0.1 except on biases, norms, <c>A_log</c> and <c>D</c>).
/// </summary>
/// <remarks>
/// The batch is fixed: 16 MQAR sequences of L = 64 over a task vocabulary of 256, with 2, 4 and 8 key–value pairs
/// (the default grid) in turn, so 72 labelled positions in all. Every step trains on that same batch.
/// </remarks>
internal sealed class TrainingStepRunner : IDisposable
{
    public const int BatchSize = 16;
    public const int SequenceLength = 64;
    public const long TokensPerStep = (long)BatchSize * SequenceLength;

    private const int TaskVocabSize = 256;
    private const double LearningRate = 3e-3;
    private const double WeightDecay = 0.1;
    private const double Beta1 = 0.9;
    private const double Beta2 = 0.95;
    private const double GradientClipNorm = 1.0;

    private static readonly int[] PairCounts = [2, 4, 8];

    public TrainingStepRunner(ScanPath scanPath, long seed = 1)
    {
        torch.manual_seed(seed);
        Model = new Mamba2L(new ModelOptions { ScanPath = scanPath, Seed = seed });
        Model.train();
        Batch = RecallBatch.Create(CreateExamples((int)seed));

        var decay = new AdamW.ParamGroup(Model.WeightDecayParameters(), new AdamW.Options { LearningRate = LearningRate, weight_decay = WeightDecay, beta1 = Beta1, beta2 = Beta2 });
        var noDecay = new AdamW.ParamGroup(Model.NoWeightDecayParameters(), new AdamW.Options { LearningRate = LearningRate, weight_decay = 0, beta1 = Beta1, beta2 = Beta2 });
        Optimizer = optim.AdamW([decay, noDecay], LearningRate, Beta1, Beta2, weight_decay: WeightDecay);
    }

    public Mamba2L Model { get; }

    public RecallBatch Batch { get; }

    public AdamW Optimizer { get; }

    /// <summary>Runs one training step and returns its loss.</summary>
    public float Step()
    {
        using var scope = NewDisposeScope();
        Optimizer.zero_grad();
        var logits = Model.ForwardAt(Batch.InputIds, Batch.BatchIndex, Batch.Positions);
        var loss = nn.functional.cross_entropy(logits, Batch.Targets);
        var value = loss.item<float>();
        loss.backward();
        ClipGradients();
        Optimizer.step();
        return value;
    }

    /// <summary>
    /// Runs the same step as <see cref="Step"/> and adds the wall time of each phase, in milliseconds, to
    /// <paramref name="phaseMilliseconds"/>: zero_grad, forward with cross-entropy and <c>item</c>, backward, clipping, AdamW.
    /// </summary>
    public void TimedStep(double[] phaseMilliseconds)
    {
        using var scope = NewDisposeScope();
        var stopwatch = Stopwatch.StartNew();
        var phase = 0;
        void Lap()
        {
            phaseMilliseconds[phase++] += stopwatch.Elapsed.TotalMilliseconds;
            stopwatch.Restart();
        }

        Optimizer.zero_grad();
        Lap();
        var logits = Model.ForwardAt(Batch.InputIds, Batch.BatchIndex, Batch.Positions);
        var loss = nn.functional.cross_entropy(logits, Batch.Targets);
        _ = loss.item<float>();
        Lap();
        loss.backward();
        Lap();
        ClipGradients();
        Lap();
        Optimizer.step();
        Lap();
    }

    /// <summary>Forward and backward without the optimizer: ForwardAt, cross-entropy and backward, gradients zeroed first.</summary>
    public void ForwardBackward()
    {
        using var scope = NewDisposeScope();
        Optimizer.zero_grad();
        var logits = Model.ForwardAt(Batch.InputIds, Batch.BatchIndex, Batch.Positions);
        nn.functional.cross_entropy(logits, Batch.Targets).backward();
    }

    public void ClipGradients() => nn.utils.clip_grad_norm_(Model.parameters(), GradientClipNorm);

    public void Dispose()
    {
        Optimizer.Dispose();
        Batch.Dispose();
        Model.Dispose();
    }

    private static List<RecallExample> CreateExamples(int seed)
    {
        var examples = new List<RecallExample>(BatchSize);
        for (var i = 0; i < BatchSize; i++)
        {
            var settings = new MqarTaskSettings(TaskVocabSize, SequenceLength, PairCounts[i % PairCounts.Length]);
            examples.Add(MqarGenerator.Generate(settings, 1, seed + i)[0]);
        }

        return examples;
    }
}
