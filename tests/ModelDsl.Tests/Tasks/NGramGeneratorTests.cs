using ModelDsl.Tasks;

namespace ModelDsl.Tests.Tasks;

public sealed class NGramGeneratorTests
{
    [Fact]
    public void PairsAndQueriesFollowTemplate()
    {
        var settings = new NGramTaskSettings(VocabSize: 100, SequenceLength: 64, PairCount: 2, KeyLength: 2, ValueLength: 2);
        var example = NGramGenerator.Generate(settings, count: 1, seed: 9)[0];
        var ids = example.InputIds;

        // Pairs are 7 tokens each: 10 k1 k2 11 v1 v2 10, back to back from position 0.
        for (var pair = 0; pair < 2; pair++)
        {
            var start = 7 * pair;
            Assert.Equal(10, ids[start]);
            Assert.InRange(ids[start + 1], 20, 69);
            Assert.InRange(ids[start + 2], 20, 69);
            Assert.Equal(11, ids[start + 3]);
            Assert.InRange(ids[start + 4], 70, 119);
            Assert.InRange(ids[start + 5], 70, 119);
            Assert.Equal(10, ids[start + 6]);
        }

        Assert.Equal(4, example.LabelPositions.Length);
        for (var label = 0; label < 4; label += 2)
        {
            var position = example.LabelPositions[label];
            var queryStart = position - 4;
            Assert.Equal(0, (queryStart - 14) % 7);
            Assert.Equal(10, ids[queryStart]);
            Assert.Equal(11, ids[queryStart + 3]);
            Assert.Equal(12, ids[position]);
            Assert.Equal(12, ids[position + 1]);
            Assert.Equal(10, ids[position + 2]);
            Assert.Equal(position + 1, example.LabelPositions[label + 1]);

            var query = example.QueryIndices[label];
            Assert.Equal(query, example.QueryIndices[label + 1]);
            var pairStart = 7 * query;
            Assert.Equal(ids[pairStart + 1], ids[queryStart + 1]);
            Assert.Equal(ids[pairStart + 2], ids[queryStart + 2]);
            Assert.Equal(ids[pairStart + 4], example.Targets[label]);
            Assert.Equal(ids[pairStart + 5], example.Targets[label + 1]);
        }
    }

    [Fact]
    public void TrainingSplitLabelsClosingSeparator()
    {
        var settings = new NGramTaskSettings(VocabSize: 100, SequenceLength: 64, PairCount: 1, KeyLength: 1, ValueLength: 2, LabelClosingSeparator: true);
        var example = NGramGenerator.Generate(settings, count: 1, seed: 4)[0];

        Assert.Equal(3, example.LabelPositions.Length);
        Assert.Equal(10, example.Targets[2]);
        Assert.Equal(RecallExample.NoQuery, example.QueryIndices[2]);
        Assert.Equal(10, example.InputIds[example.LabelPositions[2]]);
        Assert.Equal(new[] { 0, 0 }, example.QueryIndices[..2]);
    }

    [Fact]
    public void RobustnessVariantSharesLastKeyToken()
    {
        var settings = new NGramTaskSettings(VocabSize: 1000, SequenceLength: 128, PairCount: 4, KeyLength: 2, ValueLength: 2, SharedLastKeyToken: true);
        foreach (var example in NGramGenerator.Generate(settings, count: 10, seed: 2))
        {
            var lastKeyTokens = Enumerable.Range(0, 4).Select(pair => example.InputIds[7 * pair + 2]).Distinct();
            Assert.Single(lastKeyTokens);
        }
    }

    [Fact]
    public void OversizedConfigurationIsRejected()
    {
        var settings = new NGramTaskSettings(VocabSize: 100, SequenceLength: 64, PairCount: 5, KeyLength: 2, ValueLength: 2);
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => NGramGenerator.Generate(settings, 1, 0));
        Assert.Contains("35 exceeds L/2 = 32", exception.Message);
    }
}
