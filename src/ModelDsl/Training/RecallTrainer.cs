using System.Diagnostics;
using Microsoft.Extensions.Logging;
using ModelDsl.Modules;
using ModelDsl.Tasks;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ModelDsl.Training;

/// <summary>
/// Trains a <see cref="MambaLanguageModel"/> on recall examples: AdamW with two parameter groups (weight decay
/// for <see cref="MambaLanguageModel.WeightDecayParameters"/>, none for the rest), warm-up plus cosine schedule,
/// gradient-norm clipping, cross-entropy only at labelled positions through
/// <see cref="MambaLanguageModel.ForwardAt"/>, periodic validation, early stopping and best/last checkpoints.
/// The same seed, data and machine give the same numbers; the scan path of the model does not matter here.
/// </summary>
public sealed class RecallTrainer
{
    private readonly MambaLanguageModel model;
    private readonly TrainingOptions options;
    private readonly ILogger logger;

    /// <summary>Creates a trainer; <paramref name="options"/> are validated here.</summary>
    public RecallTrainer(MambaLanguageModel model, TrainingOptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        options.Validate();
        this.model = model;
        this.options = options;
        this.logger = logger;
    }

    /// <summary>
    /// Runs the loop. At the end the model contains the best validated weights when checkpoints are kept, and the
    /// weights of the last step otherwise.
    /// </summary>
    public TrainingResult Train(
        IReadOnlyList<RecallExample> train,
        IReadOnlyList<RecallExample> valid,
        IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(valid);

        torch.manual_seed(options.Seed);
        var batcher = new LengthBatcher(train, options.BatchSize, options.Seed);
        var schedule = new LearningRateSchedule(options.LearningRate, options.Steps, options.WarmupFraction, options.MinLearningRateRatio);
        using var optimizer = CreateOptimizer();
        var store = options.CheckpointDirectory is null ? null : new CheckpointStore(options.CheckpointDirectory);
        var state = RunState.Start(options.Seed);

        if (options.Resume && store?.ReadMetadata(CheckpointStore.LastTag) is not null)
        {
            var metadata = store.Load(CheckpointStore.LastTag, model, optimizer);
            state = RunState.Resume(metadata);
            logger.LogInformation("Resumed {Model} from {Checkpoint} at step {Step}", model.Architecture.Name, store.MetadataPath(CheckpointStore.LastTag), metadata.Step);
        }

        logger.LogInformation(
            "Training {Model}: {Steps} steps, batch size {BatchSize}, {Examples} training and {ValidExamples} validation examples, seed {Seed}",
            model.Architecture.Name, options.Steps, options.BatchSize, train.Count, valid.Count, options.Seed);

        model.train();
        var session = Stopwatch.StartNew();
        var sessionStartStep = state.Step;
        long sessionTokens = 0;
        var lossSum = 0.0;
        var lossCount = 0;
        TrainingStopReason? stopReason = null;
        var message = string.Empty;

        while (state.Step < options.Steps && stopReason is null)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                stopReason = TrainingStopReason.Cancelled;
                message = $"cancelled at step {state.Step}";
                break;
            }

            var learningRate = schedule.At(state.Step);
            foreach (var group in optimizer.ParamGroups)
            {
                group.LearningRate = learningRate;
            }

            var (loss, tokens) = Step(optimizer, batcher.ExamplesAt(state.Step));
            if (!double.IsFinite(loss))
            {
                stopReason = TrainingStopReason.NonFiniteLoss;
                message = $"loss became {loss} at step {state.Step + 1}; stopped and kept the last good checkpoint (step {state.LastSavedStep})";
                logger.LogError("Training {Model} stopped: {Message}", model.Architecture.Name, message);
                break;
            }

            state.Step++;
            sessionTokens += tokens;
            lossSum += loss;
            lossCount++;

            // Stop when another step of the average length would overrun the limit.
            var averageStep = session.Elapsed / (state.Step - sessionStartStep);
            var outOfTime = options.TimeLimit is { } limit && state.ElapsedBefore + session.Elapsed + averageStep >= limit && state.Step < options.Steps;
            var evaluate = state.Step % options.EvalEvery == 0 || state.Step == options.Steps || outOfTime;
            double? accuracy = null;
            if (evaluate)
            {
                var score = RecallEvaluator.Evaluate(model, valid, options.EvalBatchSize);
                accuracy = score.MeanQueryAccuracy;
                state.History.Add(new TrainingLogEntry(state.Step, lossSum / lossCount, learningRate, score.MeanQueryAccuracy, score.TokenAccuracy));
                lossSum = 0;
                lossCount = 0;
                state.LatestAccuracy = score.MeanQueryAccuracy;
                logger.LogInformation(
                    "{Model} step {Step}: loss {Loss:F4}, validation accuracy {Accuracy:F2}%, token accuracy {TokenAccuracy:F2}%",
                    model.Architecture.Name, state.Step, state.History[^1].Loss, score.MeanQueryAccuracy, score.TokenAccuracy);

                var improved = state.BestAccuracy is null || score.MeanQueryAccuracy > state.BestAccuracy;
                if (improved)
                {
                    state.BestAccuracy = score.MeanQueryAccuracy;
                    state.BestValidation = score;
                    state.BestStep = state.Step;
                }

                if (store is not null)
                {
                    var metadata = state.ToMetadata(model.Architecture, score, state.ElapsedBefore + session.Elapsed);
                    if (improved)
                    {
                        store.Save(CheckpointStore.BestTag, model, optimizer: null, metadata);
                    }

                    store.Save(CheckpointStore.LastTag, model, optimizer, metadata);
                    state.LastSavedStep = state.Step;
                }

                if (outOfTime)
                {
                    stopReason = TrainingStopReason.TimeLimitReached;
                    message = $"time limit {options.TimeLimit!.Value.TotalSeconds:F0} s reached at step {state.Step} of {options.Steps}";
                    logger.LogWarning("Training {Model} stopped: {Message}", model.Architecture.Name, message);
                }
                else if (options.EarlyStopAccuracy is { } threshold && score.MeanQueryAccuracy >= threshold)
                {
                    stopReason = TrainingStopReason.EarlyStopped;
                    message = $"validation accuracy {score.MeanQueryAccuracy:F2}% reached {threshold:F2}% at step {state.Step}";
                    logger.LogInformation("Training {Model} stopped early: {Message}", model.Architecture.Name, message);
                }
            }
            else if (state.Step % Math.Max(1, options.EvalEvery / 4) == 0)
            {
                state.History.Add(new TrainingLogEntry(state.Step, lossSum / lossCount, learningRate, null, null));
                lossSum = 0;
                lossCount = 0;
            }

            var sessionSteps = state.Step - sessionStartStep;
            var seconds = Math.Max(session.Elapsed.TotalSeconds, 1e-9);
            var remaining = TimeSpan.FromSeconds(seconds / sessionSteps * (options.Steps - state.Step));
            if (options.TimeLimit is { } timeLimit && timeLimit - (state.ElapsedBefore + session.Elapsed) < remaining)
            {
                remaining = TimeSpan.FromTicks(Math.Max(0, (timeLimit - (state.ElapsedBefore + session.Elapsed)).Ticks));
            }

            progress?.Report(new TrainingProgress(
                state.Step,
                options.Steps,
                loss,
                learningRate,
                accuracy ?? state.LatestAccuracy,
                sessionTokens / seconds,
                state.ElapsedBefore + session.Elapsed,
                remaining));
        }

        stopReason ??= TrainingStopReason.Completed;
        if (stopReason == TrainingStopReason.Completed)
        {
            message = $"completed {state.Step} steps";
        }

        if (store?.ReadMetadata(CheckpointStore.BestTag) is not null)
        {
            store.Load(CheckpointStore.BestTag, model);

            // A resumed run whose best step came before the restart has only the headline score on disk.
            state.BestValidation ??= RecallEvaluator.Evaluate(model, valid, options.EvalBatchSize);
        }

        model.eval();
        return new TrainingResult(stopReason.Value, message, state.Step, state.BestStep, state.BestValidation, state.History, state.ElapsedBefore + session.Elapsed);
    }

    private AdamW CreateOptimizer()
    {
        var decay = new AdamW.ParamGroup(model.WeightDecayParameters(), new AdamW.Options { LearningRate = options.LearningRate, weight_decay = options.WeightDecay, beta1 = options.Beta1, beta2 = options.Beta2 });
        var noDecay = new AdamW.ParamGroup(model.NoWeightDecayParameters(), new AdamW.Options { LearningRate = options.LearningRate, weight_decay = 0, beta1 = options.Beta1, beta2 = options.Beta2 });
        return optim.AdamW([decay, noDecay], options.LearningRate, options.Beta1, options.Beta2, weight_decay: options.WeightDecay);
    }

    private (double Loss, long Tokens) Step(AdamW optimizer, IReadOnlyList<RecallExample> examples)
    {
        using var scope = NewDisposeScope();
        using var batch = RecallBatch.Create(examples);
        optimizer.zero_grad();
        var logits = model.ForwardAt(batch.InputIds, batch.BatchIndex, batch.Positions);
        var loss = nn.functional.cross_entropy(logits, batch.Targets);
        var value = loss.item<float>();
        if (!float.IsFinite(value))
        {
            return (value, batch.TokenCount);
        }

        loss.backward();
        if (options.GradientClipNorm is { } maxNorm)
        {
            nn.utils.clip_grad_norm_(model.parameters(), maxNorm);
        }

        optimizer.step();
        return (value, batch.TokenCount);
    }

    /// <summary>Mutable bookkeeping of one run, restorable from the last checkpoint.</summary>
    private sealed class RunState
    {
        public long Seed { get; private init; }

        public int Step { get; set; }

        public int BestStep { get; set; }

        public int LastSavedStep { get; set; }

        public RecallScore? BestValidation { get; set; }

        public double? BestAccuracy { get; set; }

        public double? LatestAccuracy { get; set; }

        public List<TrainingLogEntry> History { get; private init; } = [];

        public TimeSpan ElapsedBefore { get; private init; }

        public static RunState Start(long seed) => new() { Seed = seed };

        public static RunState Resume(CheckpointMetadata metadata) => new()
        {
            Seed = metadata.Seed,
            Step = metadata.Step,
            BestStep = metadata.BestStep,
            LastSavedStep = metadata.Step,
            LatestAccuracy = metadata.ValidationAccuracy,
            BestAccuracy = metadata.BestValidationAccuracy,
            History = [.. metadata.History],
            ElapsedBefore = TimeSpan.FromSeconds(metadata.TrainingSeconds),
        };

        public CheckpointMetadata ToMetadata(ModelDescription architecture, RecallScore score, TimeSpan elapsed) => new(
            CheckpointMetadata.CurrentFormatVersion,
            architecture,
            Step,
            Seed,
            score.MeanQueryAccuracy,
            score.TokenAccuracy,
            BestAccuracy ?? score.MeanQueryAccuracy,
            BestStep,
            WeightsFile: string.Empty,
            OptimizerFile: null,
            [.. History],
            elapsed.TotalSeconds);
    }
}
