using ModelDsl.Training;

namespace ModelDsl.Tests.Training;

public sealed class LearningRateScheduleTests
{
    [Fact]
    public void WarmupRisesLinearly()
    {
        var schedule = new LearningRateSchedule(peak: 1.0, totalSteps: 100, warmupFraction: 0.1, minRatio: 0.1);

        Assert.Equal(0.1, schedule.At(0), precision: 12);
        Assert.Equal(0.5, schedule.At(4), precision: 12);
        Assert.Equal(1.0, schedule.At(9), precision: 12);
    }

    [Fact]
    public void CosineDecaysToMinimum()
    {
        var schedule = new LearningRateSchedule(peak: 2.0, totalSteps: 101, warmupFraction: 0, minRatio: 0.1);

        Assert.Equal(2.0, schedule.At(0), precision: 12);
        Assert.Equal(2.0 * (0.1 + 0.9 * 0.5), schedule.At(50), precision: 12);
        Assert.Equal(0.2, schedule.At(100), precision: 12);
        Assert.True(schedule.At(30) > schedule.At(60));
    }
}
