namespace ModelDsl.Generators.Tests;

public sealed class GeneratorLoadsTests
{
    [Fact]
    public void Generator_CanBeConstructed()
    {
        Assert.NotNull(new ModelGenerator());
    }
}
