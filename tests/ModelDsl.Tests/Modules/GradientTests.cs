using ModelDsl.Modules;
using TorchSharp;
using static TorchSharp.torch;

namespace ModelDsl.Tests.Modules;

public sealed class GradientTests
{
    [Fact]
    public void Float64Model_GradientsMatchFiniteDifferences()
    {
        var description = TestArchitectures.Model("GradientCheck", 7, 8, false,
            TestArchitectures.Mixer(bias: true, globalSelection: new GlobalSelectionSettings(3, GlobalSelectionVariant.GateDelta)),
            null,
            TestArchitectures.Mixer(globalSelection: new GlobalSelectionSettings(4, GlobalSelectionVariant.AddToInput)));
        using var model = new HandWrittenModel(description, new ModelOptions { Seed = 61, ScanPath = ScanPath.Reference });
        model.to(ScalarType.Float64);
        using var generator = new Generator(62, CPU);
        using var ids = tensor(new long[,] { { 1, 6, 0, 3, 3, 5 }, { 2, 2, 4, 0, 1, 6 } });
        using var lossWeights = randn([2, 6, 7], ScalarType.Float64, generator: generator);

        double Loss()
        {
            using var scope = NewDisposeScope();
            return (model.call(ids) * lossWeights).sum().item<double>();
        }

        using (var loss = (model.call(ids) * lossWeights).sum())
        {
            loss.backward();
        }

        const double step = 1e-6;
        var random = new Random(63);
        foreach (var (name, parameter) in model.named_parameters())
        {
            Assert.Equal(ScalarType.Float64, parameter.dtype);
            var gradient = parameter.grad;
            Assert.True(gradient is not null, $"{name} got no gradient.");
            var flat = parameter.detach().view(-1);
            var flatGradient = gradient!.view(-1);

            for (var sample = 0; sample < 2; sample++)
            {
                var index = random.NextInt64(flat.shape[0]);
                var original = flat[index].item<double>();
                flat[index] = original + step;
                var plus = Loss();
                flat[index] = original - step;
                var minus = Loss();
                flat[index] = original;

                var expected = (plus - minus) / (2 * step);
                var actual = flatGradient[index].item<double>();
                Assert.True(
                    Math.Abs(actual - expected) <= 1e-6 + 1e-5 * Math.Abs(expected),
                    $"d loss / d {name}[{index}]: autograd {actual:E6}, finite difference {expected:E6}.");
            }
        }
    }
}
