using ModelDsl.Modules;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ModelDsl.Tests.Modules;

/// <summary>A hybrid declaration: Mamba, MLP, and Mamba with global selection.</summary>
[MambaModel(VocabSize = 16, DModel = 8, Layers = 3)]
[MambaMixer(DState = 4, DConv = 3, DtRank = 3)]
[Layer(1, LayerKind.Mlp)]
[GlobalSelection(KernelSize = 5, Layers = [2])]
public partial class GeneratedHybrid
{
}

/// <summary>Checks the runtime modules through a model class that the source generator emits.</summary>
public sealed class GeneratedModelTests
{
    [Fact]
    public void GeneratedModel_CountMatchesDescription()
    {
        using var model = new GeneratedHybrid(new ModelOptions { Seed = 51 });

        var unique = model.parameters().Distinct(ReferenceEqualityComparer.Instance).Cast<Parameter>().ToList();

        Assert.Equal(GeneratedHybrid.ParameterCount, unique.Sum(parameter => parameter.numel()));
        Assert.Equal(ParameterFormula.MambaLayer(GeneratedHybrid.Description.Layers[2].Mixer!), GeneratedHybrid.Description.Layers[2].ParameterCount);
        Assert.Equal(ParameterFormula.MlpLayer(8), GeneratedHybrid.Description.Layers[1].ParameterCount);
    }

    [Fact]
    public void GeneratedModel_NamesFollowPythonReference()
    {
        using var model = new GeneratedHybrid();

        var names = model.named_parameters().Select(entry => entry.name).ToHashSet();

        Assert.Contains("backbone.embeddings.weight", names);
        Assert.Contains("backbone.layers.0.mixer.A_log", names);
        Assert.Contains("backbone.layers.1.mixer.fc1.weight", names);
        Assert.Contains("backbone.layers.2.mixer.long_conv.weight", names);
        Assert.Contains("backbone.norm_f.weight", names);
        Assert.DoesNotContain("backbone.layers.0.mixer.long_conv.weight", names);
    }

    [Fact]
    public void GeneratedModel_MatchesFloat64Loops()
    {
        using var model = new GeneratedHybrid(new ModelOptions { Seed = 52, ScanPath = ScanPath.Reference });
        var ids = new long[,] { { 3, 15, 0, 7, 7, 2, 9 }, { 1, 1, 4, 12, 8, 0, 5 } };
        using var idTensor = tensor(ids);

        using var logits = model.call(idTensor);
        var expected = new Float64ReferenceModel(model).Logits(ids);

        var actual = Float64ReferenceModel.ToArray(logits);
        var maxDifference = 0.0;
        for (var b = 0; b < 2; b++)
        {
            for (var t = 0; t < 7; t++)
            {
                for (var v = 0; v < 16; v++)
                {
                    maxDifference = Math.Max(maxDifference, Math.Abs(actual[(b * 7 + t) * 16 + v] - expected[b][t][v]));
                }
            }
        }

        Assert.True(maxDifference <= 1e-5, $"Largest logit difference {maxDifference:E2} exceeds 1e-5.");
    }
}
