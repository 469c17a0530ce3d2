using ModelDsl.Tasks;
using ModelDsl.Training;

namespace ModelDsl.Tests.Training;

public sealed class LengthBatcherTests
{
    private static readonly IReadOnlyList<RecallExample> Mixed =
    [
        .. MqarGenerator.Generate(new MqarTaskSettings(16, 8, 1), count: 10, seed: 1),
        .. MqarGenerator.Generate(new MqarTaskSettings(16, 16, 2), count: 7, seed: 2),
    ];

    [Fact]
    public void EpochCoversEveryExampleOnce()
    {
        var batcher = new LengthBatcher(Mixed, batchSize: 4, seed: 3);

        Assert.Equal(3 + 2, batcher.BatchesPerEpoch);
        var indices = Enumerable.Range(0, batcher.BatchesPerEpoch).SelectMany(batcher.BatchAt).Order();
        Assert.Equal(Enumerable.Range(0, Mixed.Count), indices);
    }

    [Fact]
    public void BatchHoldsOneLength()
    {
        var batcher = new LengthBatcher(Mixed, batchSize: 4, seed: 3);
        for (var step = 0; step < 20; step++)
        {
            Assert.Single(batcher.ExamplesAt(step).Select(example => example.Length).Distinct());
        }
    }

    [Fact]
    public void OrderDependsOnlyOnSeedAndStep()
    {
        var first = new LengthBatcher(Mixed, batchSize: 4, seed: 3);
        var second = new LengthBatcher(Mixed, batchSize: 4, seed: 3);
        var other = new LengthBatcher(Mixed, batchSize: 4, seed: 4);

        // Reading the second batcher out of order must not change what a step returns.
        Assert.Equal(first.BatchAt(12), second.BatchAt(12));
        Assert.Equal(first.BatchAt(3), second.BatchAt(3));
        var steps = Enumerable.Range(0, 10);
        Assert.NotEqual(steps.SelectMany(first.BatchAt), steps.SelectMany(other.BatchAt));
    }
}
