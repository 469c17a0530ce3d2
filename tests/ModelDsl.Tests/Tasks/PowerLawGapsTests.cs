using ModelDsl.Tasks;

namespace ModelDsl.Tests.Tasks;

public sealed class PowerLawGapsTests
{
    [Fact]
    public void DrawsDistinctSlotsInRange()
    {
        var random = new Random(1);
        for (var trial = 0; trial < 50; trial++)
        {
            var slots = PowerLawGaps.Sample(random, slotCount: 10, count: 10);
            Assert.Equal(Enumerable.Range(0, 10), slots.Order());
        }
    }

    [Fact]
    public void EarlySlotsAreMoreLikely()
    {
        var random = new Random(2);
        var counts = new int[32];
        for (var trial = 0; trial < 4000; trial++)
        {
            counts[PowerLawGaps.Sample(random, slotCount: 32, count: 1)[0]]++;
        }

        // Weights ∝ (g + 1)^(−0.99): slot 0 has weight 1, slot 31 about 1/31, so slot 0 is far more frequent.
        Assert.True(counts[0] > 5 * counts[31], $"slot 0 drawn {counts[0]} times, slot 31 drawn {counts[31]} times");
        Assert.True(counts[0] > counts[4], $"slot 0 drawn {counts[0]} times, slot 4 drawn {counts[4]} times");
    }

    [Fact]
    public void TooManyDrawsAreRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PowerLawGaps.Sample(new Random(0), slotCount: 3, count: 4));
    }
}
