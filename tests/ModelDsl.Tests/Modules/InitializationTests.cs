using ModelDsl.Modules;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ModelDsl.Tests.Modules;

public sealed class InitializationTests
{
    private static Dictionary<string, Parameter> Parameters(nn.Module model) =>
        model.named_parameters().ToDictionary(entry => entry.name, entry => entry.parameter);

    private static double[] Values(Tensor tensor) => tensor.detach().to(ScalarType.Float64).flatten().data<double>().ToArray();

    [Fact]
    public void DeltaBias_SoftplusWithinDtRange()
    {
        var mixer = TestArchitectures.Mixer(dModel: 32, dtRank: 2) with { DtMin = 0.002, DtMax = 0.05 };
        var description = TestArchitectures.Model("DeltaRange", 11, 32, true, mixer, mixer);
        using var model = new HandWrittenModel(description, new ModelOptions { Seed = 1 });
        var parameters = Parameters(model);

        for (var layer = 0; layer < 2; layer++)
        {
            var dt = Values(nn.functional.softplus(parameters[$"backbone.layers.{layer}.mixer.dt_proj.bias"]));
            Assert.Equal(64, dt.Length);
            Assert.All(dt, value => Assert.InRange(value, 0.002 * (1 - 1e-5), 0.05 * (1 + 1e-5)));

            // Log-uniform draws over a 25× range: the spread must not collapse to one value.
            Assert.True(dt.Max() / dt.Min() > 5, $"Δ spread {dt.Min()}..{dt.Max()} is too narrow for a log-uniform draw.");
        }
    }

    [Fact]
    public void DeltaBias_ClampedAtInitFloor()
    {
        var mixer = TestArchitectures.Mixer() with { DtMin = 1e-6, DtMax = 2e-6, DtInitFloor = 1e-3 };
        using var model = new HandWrittenModel(TestArchitectures.Model("Floor", 11, 8, true, mixer), new ModelOptions { Seed = 2 });

        var dt = Values(nn.functional.softplus(Parameters(model)["backbone.layers.0.mixer.dt_proj.bias"]));

        Assert.All(dt, value => Assert.Equal(1e-3, value, 1e-7));
    }

    [Fact]
    public void ALogAndD_FollowReference()
    {
        using var model = new HandWrittenModel(TestArchitectures.TwoLayerWithGlobalSelection(), new ModelOptions { Seed = 3 });
        var parameters = Parameters(model);

        var aLog = parameters["backbone.layers.1.mixer.A_log"];
        Assert.Equal(new long[] { 16, 4 }, aLog.shape);
        for (var d = 0; d < 16; d++)
        {
            for (var n = 0; n < 4; n++)
            {
                Assert.Equal(Math.Log(n + 1), aLog[d, n].item<float>(), 6);
            }
        }

        Assert.All(Values(parameters["backbone.layers.1.mixer.D"]), value => Assert.Equal(1.0, value));
    }

    [Fact]
    public void StandaloneMixer_IsInitialized()
    {
        using var mixer = new MambaMixer("mixer", TestArchitectures.Mixer(), new TestScanKernel(4), ScanPath.Reference);

        var aLog = Values(mixer.ALog);
        var dt = Values(nn.functional.softplus(mixer.named_parameters().Single(entry => entry.name == "dt_proj.bias").parameter));

        Assert.Equal(Math.Log(4), aLog[3], 6);
        Assert.All(Values(mixer.SkipWeight), value => Assert.Equal(1.0, value));
        Assert.All(dt, value => Assert.InRange(value, 0.001 * (1 - 1e-5), 0.1 * (1 + 1e-5)));
    }

    [Fact]
    public void NormsOnesAndBiasesZero()
    {
        var mixer = TestArchitectures.Mixer(bias: true);
        using var model = new HandWrittenModel(TestArchitectures.Model("Biased", 11, 8, false, mixer, null), new ModelOptions { Seed = 4 });
        var parameters = Parameters(model);

        foreach (var name in new[] { "backbone.norm_f.weight", "backbone.layers.0.norm.weight", "backbone.layers.1.norm.weight" })
        {
            Assert.All(Values(parameters[name]), value => Assert.Equal(1.0, value));
        }

        foreach (var name in new[]
        {
            "backbone.layers.0.mixer.in_proj.bias", "backbone.layers.0.mixer.out_proj.bias",
            "backbone.layers.1.mixer.fc1.bias", "backbone.layers.1.mixer.fc2.bias",
        })
        {
            Assert.All(Values(parameters[name]), value => Assert.Equal(0.0, value));
        }

        // PyTorch's default conv bias is U(−1/√fan_in, 1/√fan_in), not zero.
        Assert.Contains(Values(parameters["backbone.layers.0.mixer.conv1d.bias"]), value => value != 0.0);
    }

    [Fact]
    public void Weights_DrawnFromReferenceRanges()
    {
        var mixer = TestArchitectures.Mixer(dModel: 32, dtRank: 4, globalSelection: new GlobalSelectionSettings(16, GlobalSelectionVariant.GateDelta));
        var description = TestArchitectures.Model("Ranges", 64, 32, false, mixer, mixer, mixer, null);
        using var model = new HandWrittenModel(description, new ModelOptions { Seed = 5 });
        var parameters = Parameters(model);
        const int nLayers = 4;
        const int dInner = 64;

        AssertUniform(parameters["backbone.layers.0.mixer.dt_proj.weight"], 1 / Math.Sqrt(4));
        AssertUniform(parameters["backbone.layers.0.mixer.in_proj.weight"], 1 / Math.Sqrt(32));
        AssertUniform(parameters["backbone.layers.0.mixer.x_proj.weight"], 1 / Math.Sqrt(dInner));
        AssertUniform(parameters["backbone.layers.0.mixer.conv1d.weight"], 1 / Math.Sqrt(3));
        AssertUniform(parameters["backbone.layers.0.mixer.long_conv.weight"], 1 / Math.Sqrt(16));
        AssertUniform(parameters["backbone.layers.0.mixer.long_conv.bias"], 1 / Math.Sqrt(16));
        AssertUniform(parameters["lm_head.weight"], 1 / Math.Sqrt(32));

        // Residual output projections are scaled by 1/√n_layers.
        AssertUniform(parameters["backbone.layers.2.mixer.out_proj.weight"], 1 / Math.Sqrt(dInner) / Math.Sqrt(nLayers));
        AssertUniform(parameters["backbone.layers.3.mixer.fc2.weight"], 1 / Math.Sqrt(4 * 32) / Math.Sqrt(nLayers));
        AssertUniform(parameters["backbone.layers.3.mixer.fc1.weight"], 1 / Math.Sqrt(32));

        var embedding = Values(parameters["backbone.embeddings.weight"]);
        var mean = embedding.Average();
        var std = Math.Sqrt(embedding.Select(value => (value - mean) * (value - mean)).Average());
        Assert.InRange(mean, -0.003, 0.003);
        Assert.InRange(std, 0.018, 0.022);
    }

    [Fact]
    public void SameSeed_GivesIdenticalParameters()
    {
        var description = TestArchitectures.TwoLayerWithGlobalSelection();
        using var first = new HandWrittenModel(description, new ModelOptions { Seed = 42 });
        using var second = new HandWrittenModel(description, new ModelOptions { Seed = 42 });
        using var other = new HandWrittenModel(description, new ModelOptions { Seed = 43 });
        var secondParameters = Parameters(second);
        var otherParameters = Parameters(other);

        foreach (var (name, parameter) in first.named_parameters())
        {
            Assert.True(Values(parameter).SequenceEqual(Values(secondParameters[name])), $"{name} differs between two models with seed 42.");
            if (name.EndsWith("A_log", StringComparison.Ordinal) || name.EndsWith(".D", StringComparison.Ordinal) || name.Contains("norm", StringComparison.Ordinal))
            {
                continue;
            }

            Assert.False(Values(parameter).SequenceEqual(Values(otherParameters[name])), $"{name} is the same for seeds 42 and 43.");
        }
    }

    [Fact]
    public void SeededInitialization_IgnoresGlobalGenerator()
    {
        var description = TestArchitectures.TwoLayerWithGlobalSelection();
        manual_seed(1);
        using var first = new HandWrittenModel(description, new ModelOptions { Seed = 42 });
        manual_seed(2);
        using var second = new HandWrittenModel(description, new ModelOptions { Seed = 42 });
        var secondParameters = Parameters(second);

        foreach (var (name, parameter) in first.named_parameters())
        {
            Assert.True(Values(parameter).SequenceEqual(Values(secondParameters[name])), $"{name} depends on the global generator's state.");
        }
    }

    [Fact]
    public void LayerCountMismatch_Throws()
    {
        var description = TestArchitectures.TwoLayerWithGlobalSelection();
        var oneLayer = description with { Layers = description.Layers.Take(1).ToList() };

        var error = Assert.Throws<InvalidOperationException>(() => new MismatchedModel(oneLayer, description));

        Assert.Contains("2 residual blocks", error.Message);
        Assert.Contains("1 layers", error.Message);
    }

    [Fact]
    public void ParameterCountMismatch_Throws()
    {
        var description = TestArchitectures.TwoLayerWithGlobalSelection();
        var wrongCount = description with { ParameterCount = description.ParameterCount + 1 };

        var error = Assert.Throws<InvalidOperationException>(() => new HandWrittenModel(wrongCount));

        Assert.Contains($"has {description.ParameterCount} parameters", error.Message);
        Assert.Contains($"declares {description.ParameterCount + 1}", error.Message);
    }

    /// <summary>Asserts that values lie in [−bound, bound] and reach close to both ends, as a U(−bound, bound) draw does.</summary>
    private static void AssertUniform(Tensor tensor, double bound)
    {
        var values = Values(tensor);
        var tolerance = bound * 1e-6;
        Assert.InRange(values.Max(), 0.8 * bound, bound + tolerance);
        Assert.InRange(values.Min(), -bound - tolerance, -0.8 * bound);
    }

    /// <summary>Claims one description but builds the blocks of another.</summary>
    private sealed class MismatchedModel : MambaLanguageModel
    {
#pragma warning disable IDE1006 // PyTorch parameter names
        private readonly MambaBackbone backbone;
#pragma warning restore IDE1006

        public MismatchedModel(ModelDescription claimed, ModelDescription built)
            : base("Mismatched", claimed, null)
        {
            var layers = built.Layers
                .Select(layer => (nn.Module<Tensor, Tensor>)new MambaBlock($"layers.{layer.Index}", layer.Mixer!, 1e-5, new TestScanKernel(layer.Mixer!.DState), ScanPath.Reference))
                .ToList();
            backbone = new MambaBackbone("backbone", built.VocabSize, built.DModel, 1e-5, layers);
            RegisterComponents();
            InitializeParameters();
        }

        public override Tensor ForwardHidden(Tensor inputIds) => backbone.call(inputIds);

        public override Tensor ComputeLogits(Tensor hidden) => nn.functional.linear(hidden, backbone.Embeddings.weight!);
    }
}
