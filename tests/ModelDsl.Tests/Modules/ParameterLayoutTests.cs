using TorchSharp.Modules;

namespace ModelDsl.Tests.Modules;

public sealed class ParameterLayoutTests
{
    private static readonly string[] MixerParameters =
    [
        "in_proj.weight", "conv1d.weight", "conv1d.bias", "x_proj.weight",
        "dt_proj.weight", "dt_proj.bias", "A_log", "D", "out_proj.weight",
    ];

    [Fact]
    public void ParameterNames_MatchPythonReference()
    {
        using var model = new HandWrittenModel(TestArchitectures.TwoLayerWithGlobalSelection());

        var expected = new List<string> { "backbone.embeddings.weight", "backbone.norm_f.weight", "lm_head.weight" };
        for (var layer = 0; layer < 2; layer++)
        {
            expected.Add($"backbone.layers.{layer}.norm.weight");
            expected.AddRange(MixerParameters.Select(name => $"backbone.layers.{layer}.mixer.{name}"));
        }

        expected.Add("backbone.layers.1.mixer.long_conv.weight");
        expected.Add("backbone.layers.1.mixer.long_conv.bias");

        var actual = model.named_parameters().Select(entry => entry.name).ToList();
        Assert.Equal(expected.Order(StringComparer.Ordinal), actual.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ParameterNames_MlpLayerHasFc1Fc2()
    {
        var description = TestArchitectures.Model("Hybrid", 11, 8, true, TestArchitectures.Mixer(), null);
        using var model = new HandWrittenModel(description);

        var names = model.named_parameters().Select(entry => entry.name).ToHashSet();

        Assert.Contains("backbone.layers.1.norm.weight", names);
        Assert.Contains("backbone.layers.1.mixer.fc1.weight", names);
        Assert.Contains("backbone.layers.1.mixer.fc1.bias", names);
        Assert.Contains("backbone.layers.1.mixer.fc2.weight", names);
        Assert.Contains("backbone.layers.1.mixer.fc2.bias", names);
        Assert.DoesNotContain("lm_head.weight", names);
    }

    [Theory]
    [InlineData(true, false, false)]
    [InlineData(false, false, false)]
    [InlineData(false, true, false)]
    [InlineData(true, false, true)]
    public void ParameterCount_EqualsFormula(bool tie, bool bias, bool withMlp)
    {
        var mixers = new List<MixerSettings?>
        {
            TestArchitectures.Mixer(bias: bias),
            TestArchitectures.Mixer(dState: 6, dConv: 4, expand: 3, dtRank: 2, bias: bias,
                globalSelection: new GlobalSelectionSettings(7, GlobalSelectionVariant.GateDelta)),
        };
        if (withMlp)
        {
            mixers.Add(null);
        }

        var description = TestArchitectures.Model("Counted", 13, 8, tie, [.. mixers]);
        using var model = new HandWrittenModel(description);

        var unique = model.parameters().Distinct(ReferenceEqualityComparer.Instance).Cast<Parameter>();
        Assert.Equal(description.ParameterCount, unique.Sum(parameter => parameter.numel()));
    }

    [Fact]
    public void NoWeightDecay_ContainsALogDNormsBiases()
    {
        using var model = new HandWrittenModel(TestArchitectures.TwoLayerWithGlobalSelection());
        var names = model.named_parameters().ToDictionary(entry => (object)entry.parameter, entry => entry.name, ReferenceEqualityComparer.Instance);

        var noDecay = model.NoWeightDecayParameters().Select(parameter => names[parameter]).ToHashSet();
        var decay = model.WeightDecayParameters().Select(parameter => names[parameter]).ToHashSet();

        var expectedNoDecay = new HashSet<string> { "backbone.norm_f.weight" };
        for (var layer = 0; layer < 2; layer++)
        {
            var prefix = $"backbone.layers.{layer}";
            expectedNoDecay.UnionWith([$"{prefix}.norm.weight", $"{prefix}.mixer.A_log", $"{prefix}.mixer.D",
                $"{prefix}.mixer.conv1d.bias", $"{prefix}.mixer.dt_proj.bias"]);
        }

        expectedNoDecay.Add("backbone.layers.1.mixer.long_conv.bias");

        Assert.Equal(expectedNoDecay.Order(StringComparer.Ordinal), noDecay.Order(StringComparer.Ordinal));
        Assert.Empty(decay.Intersect(noDecay));
        Assert.Equal(names.Count, decay.Count + noDecay.Count);
        Assert.Contains("backbone.embeddings.weight", decay);
        Assert.Contains("backbone.layers.1.mixer.long_conv.weight", decay);
    }

    [Fact]
    public void WeightDecay_ListsTiedEmbeddingOnce()
    {
        using var model = new HandWrittenModel(TestArchitectures.TwoLayerWithGlobalSelection(tie: true));

        var all = model.WeightDecayParameters().Concat(model.NoWeightDecayParameters()).ToList();

        Assert.Equal(all.Count, all.Distinct(ReferenceEqualityComparer.Instance).Count());
        Assert.Equal(model.Architecture.ParameterCount, all.Sum(parameter => parameter.numel()));
    }
}
