using System.Diagnostics;
using ModelDsl.Modules;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ModelDsl.Benchmarks;

/// <summary>
/// Times the parts of one training step of <see cref="Mamba2L"/> with a stopwatch, on the fused and on the reference
/// scan path, and prints where the time goes.
/// </summary>
/// <remarks>
/// The phases of the step (zero_grad, forward, backward, clipping, AdamW) are timed inside the real step. Forward and
/// backward are then split by parts that run alone at the step's shapes. The parts are the selective scan (batch 16,
/// L 64, E 128, d_state 16), the projections and convolutions of each mixer on random inputs, and the LM head at the
/// labelled positions with cross-entropy. The remainder is forward+backward minus these parts. It covers the embedding, the
/// RMSNorms, residual adds, the SiLU(z) gate, copies and autograd bookkeeping. Because the parts run outside the
/// model, the split is an estimate.
/// </remarks>
internal static class TrainingStepBreakdown
{
    public const string Option = "--training-step-breakdown";

    // The first few dozen steps ran about twice as slow as later ones (65 ms against 36 ms for the fused step on the
    // 2-core machine of docs/benchmarks.md). Tiered JIT recompilation is the likely cause, not a measured one, so
    // every part first runs for this long untimed.
    private static readonly TimeSpan WarmupTime = TimeSpan.FromSeconds(2);

    // The parts take turns in rounds of this many calls, so a slow spell of the machine touches all of them alike.
    private const int CallsPerRound = 5;

    private static readonly string[] PhaseNames =
        ["zero_grad", "forward at the labelled positions, cross-entropy, item", "backward", "gradient clipping", "AdamW step"];

    public static void Run(int repetitions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(repetitions, CallsPerRound);
        using var fused = new TrainingStepRunner(ScanPath.Fused);
        using var reference = new TrainingStepRunner(ScanPath.Reference);

        var mixers = fused.Model.modules().OfType<MambaMixer>().ToList();
        var settings = mixers[0].Settings;
        var layers = mixers.Count;
        var scan = new ScanBenchmarkInputs(TrainingStepRunner.BatchSize, TrainingStepRunner.SequenceLength, settings.DInner);
        var projections = new ProjectionInputs(settings);
        var rounds = repetitions / CallsPerRound;

        Console.WriteLine(
            $"Training step of {fused.Model.Architecture.Name} ({Mamba2L.ParameterCount:N0} parameters): batch {TrainingStepRunner.BatchSize}, "
            + $"L {TrainingStepRunner.SequenceLength}, {fused.Batch.LabelCount} labelled positions, {layers} layers of E {settings.DInner}, d_state {settings.DState}; "
            + $"mean of {rounds * CallsPerRound} calls of each part in {rounds} interleaved rounds after {WarmupTime.TotalSeconds:F0} s of warm-up, "
            + $"{get_num_threads()} TorchSharp threads.");

        var fusedPhases = new double[PhaseNames.Length];
        var referencePhases = new double[PhaseNames.Length];
        var parts = new (string Name, Action Action)[]
        {
            ("fused step", () => fused.Step()),
            ("reference step", () => reference.Step()),
            ("fused step phases", () => fused.TimedStep(fusedPhases)),
            ("reference step phases", () => reference.TimedStep(referencePhases)),
            ("fused scan", scan.FusedForwardBackward),
            ("reference scan", scan.ReferenceForwardBackward),
            ("projections", () => mixers.ForEach(projections.ForwardBackward)),
            ("LM head", () => HeadForwardBackward(fused)),
        };

        foreach (var part in parts)
        {
            WarmUp(part.Action);
        }

        Array.Clear(fusedPhases);
        Array.Clear(referencePhases);
        var totals = new double[parts.Length];
        for (var round = 0; round < rounds; round++)
        {
            for (var i = 0; i < parts.Length; i++)
            {
                totals[i] += TimeCalls(CallsPerRound, parts[i].Action);
            }
        }

        var calls = rounds * CallsPerRound;
        var means = totals.Select(total => total / calls).ToArray();
        var fusedStep = means[0];
        var referenceStep = means[1];
        var fusedScan = layers * means[4];
        var referenceScan = layers * means[5];
        var projectionTime = means[6];
        var head = means[7];
        fusedPhases = fusedPhases.Select(total => total / calls).ToArray();
        referencePhases = referencePhases.Select(total => total / calls).ToArray();

        Console.WriteLine();
        Console.WriteLine("Phases of the step, timed inside it:");
        Console.WriteLine();
        Console.WriteLine("| phase | fused ms | fused share | reference ms | reference share |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        for (var i = 0; i < PhaseNames.Length; i++)
        {
            WriteRow(PhaseNames[i], fusedPhases[i], fusedPhases.Sum(), referencePhases[i], referencePhases.Sum());
        }

        WriteRow("whole step (sum of the phases)", fusedPhases.Sum(), fusedPhases.Sum(), referencePhases.Sum(), referencePhases.Sum());

        // Forward (with cross-entropy) plus backward, as timed inside the step.
        var fusedModel = fusedPhases[1] + fusedPhases[2];
        var referenceModel = referencePhases[1] + referencePhases[2];

        Console.WriteLine();
        Console.WriteLine("Forward+backward split by parts timed alone at the same shapes:");
        Console.WriteLine();
        Console.WriteLine("| part | fused ms | fused share | reference ms | reference share |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        WriteRow($"selective scan ({layers} layers)", fusedScan, fusedModel, referenceScan, referenceModel);
        WriteRow($"in_proj, conv1d, x_proj, dt_proj, out_proj ({layers} layers)", projectionTime, fusedModel, projectionTime, referenceModel);
        WriteRow("LM head at the labelled positions and cross-entropy", head, fusedModel, head, referenceModel);
        WriteRow(
            "rest (by subtraction)",
            fusedModel - fusedScan - projectionTime - head,
            fusedModel,
            referenceModel - referenceScan - projectionTime - head,
            referenceModel);
        WriteRow("forward+backward (phases 2 and 3 above)", fusedModel, fusedModel, referenceModel, referenceModel);

        Console.WriteLine();
        Console.WriteLine(
            $"Step() alone: fused {fusedStep:F2} ms, reference {referenceStep:F2} ms, speed-up {referenceStep / fusedStep:F2}×. "
            + $"Tokens per second ({TrainingStepRunner.TokensPerStep} per step): fused {TrainingStepRunner.TokensPerStep / (fusedStep / 1000):N0}, "
            + $"reference {TrainingStepRunner.TokensPerStep / (referenceStep / 1000):N0}.");
    }

    private static void WriteRow(string part, double fusedMs, double fusedTotal, double referenceMs, double referenceTotal)
        => Console.WriteLine($"| {part} | {fusedMs:F2} | {fusedMs / fusedTotal:P0} | {referenceMs:F2} | {referenceMs / referenceTotal:P0} |");

    private static void WarmUp(Action action)
    {
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < WarmupTime)
        {
            action();
        }
    }

    /// <summary>Returns the total wall time of <paramref name="calls"/> calls of <paramref name="action"/>, in milliseconds.</summary>
    private static double TimeCalls(int calls, Action action)
    {
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < calls; i++)
        {
            action();
        }

        return stopwatch.Elapsed.TotalMilliseconds;
    }

    /// <summary>The tied LM head at the batch's labelled positions and cross-entropy, forward and backward, from a hidden-state leaf.</summary>
    private static void HeadForwardBackward(TrainingStepRunner runner)
    {
        using var scope = NewDisposeScope();
        runner.Optimizer.zero_grad();
        var hidden = randn(TrainingStepRunner.BatchSize, TrainingStepRunner.SequenceLength, Mamba2L.DModel).requires_grad_(true);
        var selected = hidden.index(runner.Batch.BatchIndex, runner.Batch.Positions);
        var logits = runner.Model.ComputeLogits(selected);
        nn.functional.cross_entropy(logits, runner.Batch.Targets).backward();
    }

    /// <summary>
    /// Random inputs and output gradients for the projections and convolutions of one mixer, at the model's shapes. The
    /// scan output that feeds out_proj is a leaf here, so no scan runs.
    /// </summary>
    private sealed class ProjectionInputs
    {
        private readonly MixerSettings settings;
        private readonly Tensor input;
        private readonly Tensor scanOutput;
        private readonly Tensor channelGradient;
        private readonly Tensor stateGradient;
        private readonly Tensor outputGradient;

        public ProjectionInputs(MixerSettings settings)
        {
            this.settings = settings;
            const int batch = TrainingStepRunner.BatchSize;
            const int length = TrainingStepRunner.SequenceLength;
            input = randn(batch, length, settings.DModel).requires_grad_(true);
            scanOutput = randn(batch, length, settings.DInner).requires_grad_(true);
            channelGradient = randn(batch, length, settings.DInner);
            stateGradient = randn(batch, length, settings.DState);
            outputGradient = randn(batch, length, settings.DModel);
        }

        /// <summary>
        /// Runs in_proj, the causal depthwise conv1d with its SiLU, x_proj, dt_proj (without bias, as the mixer does) and
        /// out_proj forward, then backward from random gradients of every output the scan would read.
        /// </summary>
        public void ForwardBackward(MambaMixer mixer)
        {
            using var scope = NewDisposeScope();
            var children = mixer.named_children().ToDictionary(child => child.name, child => child.module);
            var inProjection = (Linear)children["in_proj"];
            var convolution = (Conv1d)children["conv1d"];
            var xProjection = (Linear)children["x_proj"];
            var dtProjection = (Linear)children["dt_proj"];
            var outProjection = (Linear)children["out_proj"];

            var dInner = settings.DInner;
            var length = input.shape[1];
            var xz = inProjection.call(input);
            var x = xz.narrow(-1, 0, dInner);
            var z = xz.narrow(-1, dInner, dInner);

            var padded = nn.functional.pad(x.transpose(1, 2), [settings.DConv - 1, 0]);
            var convolved = nn.functional.silu(convolution.call(padded).narrow(-1, 0, length).transpose(1, 2));

            var projected = xProjection.call(convolved);
            var deltaLow = projected.narrow(-1, 0, settings.DtRank);
            var b = projected.narrow(-1, settings.DtRank, settings.DState);
            var c = projected.narrow(-1, settings.DtRank + settings.DState, settings.DState);
            var deltaPre = nn.functional.linear(deltaLow, dtProjection.weight);
            var output = outProjection.call(scanOutput);

            autograd.backward(
                [convolved, z, deltaPre, b, c, output],
                [channelGradient, channelGradient, channelGradient, stateGradient, stateGradient, outputGradient]);
            input.grad?.zero_();
            scanOutput.grad?.zero_();
        }
    }
}
