using ModelDsl.Modules;
using static TorchSharp.torch;

namespace ModelDsl.Tests.Modules;

public sealed class CheckpointTests
{
    [Fact]
    public void SaveLoad_RestoresOutputs()
    {
        var description = TestArchitectures.TwoLayerWithGlobalSelection();
        var path = Path.Combine(Path.GetTempPath(), $"modeldsl-{Guid.NewGuid():N}.bin");
        try
        {
            using var saved = new HandWrittenModel(description, new ModelOptions { Seed = 71, ScanPath = ScanPath.Reference });
            using var loaded = new HandWrittenModel(description, new ModelOptions { Seed = 72, ScanPath = ScanPath.Reference });
            using var ids = tensor(new long[,] { { 1, 2, 3, 4, 5, 6 } });
            saved.save(path);

            using var before = loaded.call(ids);
            loaded.load(path);
            using var expected = saved.call(ids);
            using var actual = loaded.call(ids);

            Assert.False(expected.allclose(before), "Models with seeds 71 and 72 already agree, so the test cannot tell a load happened.");
            Assert.True(expected.equal(actual).all().item<bool>(), "Loaded model's logits differ from the saved model's.");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
