using ModelDsl.Kernels;
using ModelDsl.Modules;
using static TorchSharp.torch;

namespace ModelDsl.Tests.Modules;

public sealed class ModelForwardTests
{
    [Fact]
    public void ForwardAt_EqualsGatheredForward()
    {
        using var model = new HandWrittenModel(TestArchitectures.TwoLayerWithGlobalSelection(), new ModelOptions { Seed = 31, ScanPath = ScanPath.Reference });
        using var ids = randint(0, 11, [3, 7], dtype: ScalarType.Int64);
        using var batchIndex = tensor(new long[] { 0, 2, 1, 2, 0 });
        using var positions = tensor(new long[] { 6, 0, 3, 3, 6 });

        using var full = model.call(ids);
        using var gathered = model.ForwardAt(ids, batchIndex, positions);

        Assert.Equal(new long[] { 5, 11 }, gathered.shape);
        using var expected = full.index(batchIndex, positions);
        Assert.True(expected.allclose(gathered, rtol: 1e-5, atol: 1e-6), "ForwardAt differs from forward at the same positions.");
    }

    [Fact]
    public void ForwardAt_RejectsOutOfRangePositions()
    {
        using var model = new HandWrittenModel(TestArchitectures.TwoLayerWithGlobalSelection(), new ModelOptions { ScanPath = ScanPath.Reference });
        using var ids = zeros([2, 4], dtype: ScalarType.Int64);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => model.ForwardAt(ids, tensor(new long[] { 0 }), tensor(new long[] { 4 })));

        Assert.Contains("[0, 3]", error.Message);
        Assert.Throws<ArgumentException>(() => model.ForwardAt(ids, tensor(new long[] { 0, 1 }), tensor(new long[] { 0 })));
        Assert.Throws<ArgumentException>(() => model.ForwardAt(ids, tensor(new int[] { 0 }), tensor(new long[] { 0 })));
    }

    [Fact]
    public void Forward_RejectsInvalidTokenIds()
    {
        using var model = new HandWrittenModel(TestArchitectures.TwoLayerWithGlobalSelection(), new ModelOptions { ScanPath = ScanPath.Reference });

        var outOfRange = Assert.Throws<ArgumentOutOfRangeException>(() => model.call(tensor(new long[,] { { 1, 11 } })));
        var wrongType = Assert.Throws<ArgumentException>(() => model.call(tensor(new int[,] { { 1, 2 } })));
        var wrongRank = Assert.Throws<ArgumentException>(() => model.call(tensor(new long[] { 1, 2 })));
        var empty = Assert.Throws<ArgumentException>(() => model.call(zeros([1, 0], dtype: ScalarType.Int64)));

        Assert.Contains("[0, 10]", outOfRange.Message);
        Assert.Contains("Int32", wrongType.Message);
        Assert.Contains("(batch, length)", wrongRank.Message);
        Assert.Contains("[1, 0]", empty.Message);
    }

    [Fact]
    public void FusedPath_CallsKernelWithGlobalSelectionInputs()
    {
        var settings = TestArchitectures.Mixer(globalSelection: new GlobalSelectionSettings(5, GlobalSelectionVariant.AddToInput));
        var kernel = new RecordingKernel(settings.DState);
        using var fused = new MambaMixer("mixer", settings, kernel, ScanPath.Fused);
        using var reference = new MambaMixer("mixer", settings, new RecordingKernel(settings.DState), ScanPath.Reference);
        using (no_grad())
        {
            var fusedParameters = fused.named_parameters().ToDictionary(entry => entry.name, entry => entry.parameter);
            foreach (var (name, parameter) in reference.named_parameters())
            {
                fusedParameters[name].copy_(parameter);
            }
        }

        using var generator = new Generator(32, CPU);
        using var input = randn([2, 6, 8], generator: generator);
        using var fusedOutput = fused.call(input);
        using var referenceOutput = reference.call(input);

        Assert.Equal(1, kernel.Calls);
        Assert.Equal(GlobalSelectionVariant.AddToInput, kernel.LastVariant);
        Assert.True(kernel.ReceivedG, "The kernel got no global selection input.");
        Assert.True(fusedOutput.allclose(referenceOutput), "Fused and reference paths differ with the reference-backed kernel.");
    }

    [Fact]
    public void Mixer_RejectsKernelOfOtherDState()
    {
        var error = Assert.Throws<ArgumentException>(() => new MambaMixer("mixer", TestArchitectures.Mixer(dState: 4), new TestScanKernel(8), ScanPath.Reference));

        Assert.Contains("d_state 8", error.Message);
        Assert.Contains("d_state 4", error.Message);
    }

    [Fact]
    public void Mixer_RejectsInvalidSettings()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new MambaMixer("mixer", TestArchitectures.Mixer(dtRank: 0), new TestScanKernel(4), ScanPath.Reference));
        var range = Assert.Throws<ArgumentOutOfRangeException>(() => new MambaMixer("mixer", TestArchitectures.Mixer() with { DtMin = 0.2, DtMax = 0.1 }, new TestScanKernel(4), ScanPath.Reference));

        Assert.Contains("dt_rank", error.Message);
        Assert.Contains("dt_min (0.2)", range.Message);
    }

    /// <summary>Counts calls and records what the mixer passes, then runs the reference scan.</summary>
    private sealed class RecordingKernel(int dState) : SelectiveScanKernel(dState)
    {
        public int Calls { get; private set; }

        public bool ReceivedG { get; private set; }

        public GlobalSelectionVariant LastVariant { get; private set; }

        public override Tensor Forward(Tensor x, Tensor deltaPre, Tensor deltaBias, Tensor aLog, Tensor b, Tensor c, Tensor d, Tensor z, Tensor? g = null, GlobalSelectionVariant variant = GlobalSelectionVariant.GateDelta)
        {
            Calls++;
            ReceivedG = g is not null;
            LastVariant = variant;
            return base.Forward(x, deltaPre, deltaBias, aLog, b, c, d, z, g, variant);
        }
    }
}
