using Microsoft.Extensions.Logging;
using ModelDsl.Ablate.Tasks;
using ModelDsl.Training;
using TorchSharp;

namespace ModelDsl.Ablate.Running;

/// <summary>Executes a plan: loads every task first, then trains and tests each cell of the grid in turn.</summary>
public sealed class AblationRunner(ILogger logger)
{
    /// <summary>
    /// Loads the splits of every task of <paramref name="plan"/>, validating all data before any training starts.
    /// </summary>
    /// <exception cref="ModelDsl.Tasks.RecallDataException">A data file is missing or invalid.</exception>
    public IReadOnlyDictionary<string, TaskSplits> LoadTasks(AblationPlan plan)
    {
        var context = new TaskContext(
            plan.DataDirectory,
            plan.Architectures.Min(architecture => architecture.Description.VocabSize),
            plan.Architectures.Min(architecture => architecture.MaxSequenceLength),
            plan.Options.Seed);

        var splits = new Dictionary<string, TaskSplits>();
        foreach (var task in plan.Tasks)
        {
            splits[task.Name] = task.Load(context);
            logger.LogInformation(
                "Loaded task {Task}: {Train} training, {Valid} validation and {Test} test examples",
                task.Name, splits[task.Name].Train.Count, splits[task.Name].Valid.Count, splits[task.Name].Test.Count);
        }

        return splits;
    }

    /// <summary>Trains and tests every run of <paramref name="plan"/> on the loaded <paramref name="splits"/>.</summary>
    public IReadOnlyList<AblationRunResult> Run(
        AblationPlan plan,
        IReadOnlyDictionary<string, TaskSplits> splits,
        IAblationObserver observer,
        CancellationToken cancellationToken = default)
    {
        if (plan.Options.Threads is { } threads)
        {
            torch.set_num_threads(threads);
        }

        var results = new List<AblationRunResult>();
        foreach (var run in plan.Runs)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                break;
            }

            results.Add(RunOne(plan, run, splits[run.Task.Name], observer, cancellationToken));
        }

        return results;
    }

    private AblationRunResult RunOne(AblationPlan plan, AblationRunSpec run, TaskSplits splits, IAblationObserver observer, CancellationToken cancellationToken)
    {
        observer.RunStarted(run);
        logger.LogInformation("Starting {Run}", run.Label);

        using var model = run.Architecture.Create(new ModelOptions { ScanPath = plan.Options.ScanPath, Seed = plan.Options.Seed });
        var trainer = new RecallTrainer(model, run.Training, logger);
        var progress = new ObserverProgress(run, observer);
        var training = trainer.Train(splits.Train, splits.Valid, progress, cancellationToken);

        var test = training.LastStep > 0 ? RecallEvaluator.Evaluate(model, splits.Test, run.Training.EvalBatchSize) : null;
        var description = run.Architecture.Description;
        var result = new AblationRunResult(run.Architecture.Name, run.Task.Name, description.ParameterCount, description.StateSizePerToken, test, training);

        if (training.StopReason == TrainingStopReason.NonFiniteLoss)
        {
            logger.LogError("Run {Run} stopped: {Message}", run.Label, training.Message);
        }

        logger.LogInformation("Finished {Run}: {Message}, test accuracy {Accuracy:F2}%", run.Label, training.Message, test?.MeanQueryAccuracy ?? double.NaN);
        observer.RunFinished(run, result);
        return result;
    }

    private sealed class ObserverProgress(AblationRunSpec run, IAblationObserver observer) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => observer.StepCompleted(run, value);
    }
}
