using ModelDsl.Modules;
using static TorchSharp.torch;

namespace ModelDsl.Tests.Modules;

public sealed class NumericsTests
{
    private const double Tolerance = 1e-5;
    private const int Batch = 2;
    private const int Length = 9;

    public static TheoryData<string> Architectures => ["plain", "gate-delta", "add-to-input", "mlp"];

    [Theory]
    [MemberData(nameof(Architectures))]
    public void Forward_MatchesFloat64Loops(string architecture)
    {
        var description = Describe(architecture);
        using var model = new HandWrittenModel(description, new ModelOptions { Seed = 11, ScanPath = ScanPath.Reference });
        PerturbParameters(model, seed: 12);

        var ids = RandomIds(description.VocabSize, seed: 13);
        using var idTensor = tensor(ids);
        using var logits = model.call(idTensor);
        var expected = new Float64ReferenceModel(model).Logits(ids);

        Assert.Equal(new long[] { Batch, Length, description.VocabSize }, logits.shape);
        var actual = Float64ReferenceModel.ToArray(logits);
        var maxDifference = 0.0;
        var maxMagnitude = 0.0;
        for (var b = 0; b < Batch; b++)
        {
            for (var t = 0; t < Length; t++)
            {
                for (var v = 0; v < description.VocabSize; v++)
                {
                    var reference = expected[b][t][v];
                    maxDifference = Math.Max(maxDifference, Math.Abs(actual[(b * Length + t) * description.VocabSize + v] - reference));
                    maxMagnitude = Math.Max(maxMagnitude, Math.Abs(reference));
                }
            }
        }

        Assert.True(maxDifference <= Tolerance, $"{architecture}: largest logit difference {maxDifference:E2} exceeds {Tolerance:E0}.");

        // Logits near zero would let a broken block pass, so the comparison needs signal.
        Assert.True(maxMagnitude > 0.1, $"{architecture}: logits peak at {maxMagnitude:E2}, too small for a meaningful comparison.");
    }

    /// <summary>Two layers (the second varies by case), d_model 8, E 16, d_state 4, d_conv 3, dt_rank 3, long kernel 5 &lt; L = 9.</summary>
    private static ModelDescription Describe(string architecture)
    {
        var first = TestArchitectures.Mixer(bias: architecture == "gate-delta");
        MixerSettings? second = architecture switch
        {
            "plain" => TestArchitectures.Mixer(dState: 3, dConv: 4),
            "gate-delta" => TestArchitectures.Mixer(bias: true, globalSelection: new GlobalSelectionSettings(5, GlobalSelectionVariant.GateDelta)),
            "add-to-input" => TestArchitectures.Mixer(globalSelection: new GlobalSelectionSettings(5, GlobalSelectionVariant.AddToInput)),
            "mlp" => null,
            _ => throw new ArgumentOutOfRangeException(nameof(architecture), architecture, "Unknown test architecture; use plain, gate-delta, add-to-input or mlp."),
        };
        return TestArchitectures.Model(architecture, vocabSize: 11, dModel: 8, tieEmbeddings: architecture == "plain", first, second);
    }

    /// <summary>
    /// Moves parameters away from their initial values (ones, zeros, the A_log ramp, a small
    /// embedding), so a block that ignored a norm weight, D, a bias or A_log would be caught.
    /// </summary>
    private static void PerturbParameters(MambaLanguageModel model, long seed)
    {
        using var generator = new Generator((ulong)seed, CPU);
        using var noGrad = no_grad();
        foreach (var (name, parameter) in model.named_parameters())
        {
            if (name.EndsWith("dt_proj.bias", StringComparison.Ordinal))
            {
                continue;
            }

            var scale = name.Contains("embeddings", StringComparison.Ordinal) ? 1.0 : 0.3;
            using var noise = randn(parameter.shape, generator: generator);
            parameter.add_(noise * scale);
        }
    }

    private static long[,] RandomIds(int vocabSize, int seed)
    {
        var random = new Random(seed);
        var ids = new long[Batch, Length];
        for (var b = 0; b < Batch; b++)
        {
            for (var t = 0; t < Length; t++)
            {
                ids[b, t] = random.Next(vocabSize);
            }
        }

        return ids;
    }
}
