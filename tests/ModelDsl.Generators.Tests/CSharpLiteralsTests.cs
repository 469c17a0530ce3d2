using System.Globalization;
using ModelDsl.Generators.Emitters;

namespace ModelDsl.Generators.Tests;

/// <summary>Literal text that the emitters write into generated code.</summary>
public sealed class CSharpLiteralsTests
{
    [Theory]
    [InlineData(1e-5, "1E-05")]
    [InlineData(2.0, "2.0")]
    [InlineData(0.1, "0.1")]
    [InlineData(-3.0, "-3.0")]
    [InlineData(1e300, "1E+300")]
    public void Double_WritesShortDoubleLiteral(double value, string expected)
    {
        Assert.Equal(expected, CSharpLiterals.Double(value));
    }

    [Fact]
    public void Double_RoundTripsRandomValues()
    {
        var random = new Random(5);
        for (var i = 0; i < 1000; i++)
        {
            var value = Math.Exp((random.NextDouble() * 40) - 20);

            var text = CSharpLiterals.Double(value);

            Assert.Equal(value, double.Parse(text, CultureInfo.InvariantCulture));
        }
    }
}
