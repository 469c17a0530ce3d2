using ModelDsl.Tasks;

namespace ModelDsl.Tests.Tasks;

public sealed class MqarGeneratorTests
{
    [Fact]
    public void StandardLayoutPlacesPairsThenQueries()
    {
        var settings = new MqarTaskSettings(VocabSize: 16, SequenceLength: 16, PairCount: 2);
        var example = MqarGenerator.Generate(settings, count: 1, seed: 7)[0];

        Assert.Equal(16, example.Length);
        Assert.Equal(new RecallSubtask(16, 2), example.Subtask);
        var keys = new[] { example.InputIds[0], example.InputIds[2] };
        var values = new[] { example.InputIds[1], example.InputIds[3] };
        Assert.All(keys, key => Assert.InRange(key, 1, 7));
        Assert.All(values, value => Assert.InRange(value, 8, 15));
        Assert.NotEqual(keys[0], keys[1]);
        Assert.NotEqual(values[0], values[1]);

        Assert.Equal(2, example.LabelPositions.Length);
        for (var label = 0; label < 2; label++)
        {
            var position = example.LabelPositions[label];
            Assert.True(position >= 5, $"label {position} must follow a query key in the query region that starts at 4");
            Assert.Equal(1, (position - 4) % 2);

            var query = example.QueryIndices[label];
            Assert.Equal(keys[query], example.InputIds[position - 1]);
            Assert.Equal(values[query], example.Targets[label]);
        }
    }

    [Fact]
    public void LastLayoutFillsEndOfFirstHalf()
    {
        var settings = new MqarTaskSettings(VocabSize: 64, SequenceLength: 16, PairCount: 2, Layout: MqarLayout.Last);
        var example = MqarGenerator.Generate(settings, count: 1, seed: 3)[0];

        // The first half is positions 0..7, so the two pairs fill positions 4..7.
        var keys = new[] { example.InputIds[4], example.InputIds[6] };
        var values = new[] { example.InputIds[5], example.InputIds[7] };
        Assert.All(keys, key => Assert.InRange(key, 1, 31));
        Assert.All(values, value => Assert.InRange(value, 32, 63));

        for (var label = 0; label < example.LabelPositions.Length; label++)
        {
            var position = example.LabelPositions[label];
            Assert.True(position >= 9, $"label {position} must sit in the second half");
            Assert.Equal(1, (position - 8) % 2);
            Assert.Equal(keys[example.QueryIndices[label]], example.InputIds[position - 1]);
            Assert.Equal(values[example.QueryIndices[label]], example.Targets[label]);
        }
    }

    [Fact]
    public void ShuffleLayoutDispersesPairs()
    {
        var settings = new MqarTaskSettings(VocabSize: 1000, SequenceLength: 64, PairCount: 4, Layout: MqarLayout.Shuffle);
        var examples = MqarGenerator.Generate(settings, count: 20, seed: 11);

        var startsSeen = new HashSet<int>();
        foreach (var example in examples)
        {
            for (var label = 0; label < example.LabelPositions.Length; label++)
            {
                var position = example.LabelPositions[label];
                Assert.True(position >= 33, $"label {position} must sit in the second half");
                var key = example.InputIds[position - 1];

                // The key occurs at an even position of the first half, followed by the target value.
                var pairStart = Enumerable.Range(0, 16).Select(slot => 2 * slot)
                    .First(start => example.InputIds[start] == key && example.InputIds[start + 1] == example.Targets[label]);
                startsSeen.Add(pairStart);
            }
        }

        Assert.True(startsSeen.Count > 8, $"pairs should spread over the first half but used only starts {string.Join(", ", startsSeen)}");
    }

    [Fact]
    public void SameSeedGivesSameExamples()
    {
        var settings = new MqarTaskSettings(VocabSize: 128, SequenceLength: 64, PairCount: 8);
        var first = MqarGenerator.Generate(settings, count: 5, seed: 42);
        var second = MqarGenerator.Generate(settings, count: 5, seed: 42);
        var other = MqarGenerator.Generate(settings, count: 5, seed: 43);

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(first[i].InputIds, second[i].InputIds);
            Assert.Equal(first[i].LabelPositions, second[i].LabelPositions);
            Assert.Equal(first[i].Targets, second[i].Targets);
        }

        Assert.NotEqual(first[0].InputIds, other[0].InputIds);
    }

    [Fact]
    public void NoiseOffsetShiftsNoiseRange()
    {
        var settings = new MqarTaskSettings(VocabSize: 100, SequenceLength: 256, PairCount: 1, NoiseOffset: 20);
        var tokens = MqarGenerator.Generate(settings, count: 4, seed: 5).SelectMany(example => example.InputIds).ToArray();

        // Noise comes from [20, 120), so ids of 100 and above occur, and nothing reaches 120.
        Assert.Contains(tokens, token => token >= 100);
        Assert.All(tokens, token => Assert.InRange(token, 1, 119));
        Assert.Equal(119, settings.MaxTokenId);
    }

    [Fact]
    public void TooManyPairsAreRejected()
    {
        var tooLong = new MqarTaskSettings(VocabSize: 64, SequenceLength: 16, PairCount: 5);
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => MqarGenerator.Generate(tooLong, 1, 0));
        Assert.Contains("L ≥ 4N", exception.Message);

        var tooFewKeys = new MqarTaskSettings(VocabSize: 8, SequenceLength: 64, PairCount: 4);
        exception = Assert.Throws<ArgumentOutOfRangeException>(() => MqarGenerator.Generate(tooFewKeys, 1, 0));
        Assert.Contains("only 3", exception.Message);
    }
}
