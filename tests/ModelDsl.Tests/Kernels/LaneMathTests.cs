using System.Runtime.Intrinsics;
using ModelDsl.Kernels.Cpu;

namespace ModelDsl.Tests.Kernels;

public sealed class LaneMathTests
{
    private static readonly float[] Inputs = Enumerable.Range(0, 4001).Select(i => -100f + i * 0.05f).ToArray();

    [Fact]
    public void Exp_MatchesMathExp()
    {
        foreach (var x in Inputs.Where(x => x is > -87f and < 88f))
        {
            AssertRelative("exp", x, Math.Exp(x), Evaluate(x, LaneMath<Lanes512, Vector512<float>>.Exp, LaneMath<Lanes256, Vector256<float>>.Exp, LaneMath<LanesScalar, float>.Exp), 1e-6);
        }
    }

    [Fact]
    public void Exp2_MatchesMathPow()
    {
        // The scan's decay 2^u has u ≤ 0, and −126 is the smallest exponent of a normal float.
        foreach (var u in Enumerable.Range(0, 5001).Select(i => -126f + i * 0.0252f))
        {
            AssertRelative("exp2", u, Math.Pow(2, u), Evaluate(u, LaneMath<Lanes512, Vector512<float>>.Exp2, LaneMath<Lanes256, Vector256<float>>.Exp2, LaneMath<LanesScalar, float>.Exp2), 1e-6);
        }
    }

    [Fact]
    public void Exp2_IsZeroFarBelowTheFloatRange()
    {
        Assert.Equal(0f, LaneMath<LanesScalar, float>.Exp2(-1000f));
        Assert.Equal(0f, LaneMath<Lanes256, Vector256<float>>.Exp2(Vector256.Create(-1000f)).GetElement(0));
        Assert.Equal(0f, LaneMath<Lanes512, Vector512<float>>.Exp2(Vector512.Create(-1000f)).GetElement(0));
    }

    [Fact]
    public void PowerOfTwo_FromBitsMatchesScaleB()
    {
        for (var exponent = -126; exponent <= 127; exponent++)
        {
            Assert.Equal(MathF.ScaleB(1f, exponent), LaneBits.PowerOfTwo((float)exponent));
            Assert.Equal(MathF.ScaleB(1f, exponent), LaneBits.PowerOfTwo(Vector256.Create((float)exponent)).GetElement(7));
            Assert.Equal(MathF.ScaleB(1f, exponent), LaneBits.PowerOfTwo(Vector512.Create((float)exponent)).GetElement(15));
        }

        Assert.Equal(0f, LaneBits.PowerOfTwo(-500f));
        Assert.Equal(float.PositiveInfinity, LaneBits.PowerOfTwo(500f));
    }

    [Fact]
    public void Softplus_MatchesDoublePrecision()
    {
        foreach (var x in Inputs.Where(x => x > -87f))
        {
            // Below −15, ln(1 + e^x) = e^x to a relative 2e-7, and 1 + e^x in double would lose its digits.
            var expected = Math.Log(1 + Math.Exp(x));
            if (x > 20)
            {
                expected = x;
            }
            else if (x < -15)
            {
                expected = Math.Exp(x);
            }

            var actual = Evaluate(x, LaneMath<Lanes512, Vector512<float>>.Softplus, LaneMath<Lanes256, Vector256<float>>.Softplus, LaneMath<LanesScalar, float>.Softplus);
            AssertRelative("softplus", x, expected, actual, 1e-6);
        }
    }

    [Fact]
    public void Sigmoid_MatchesDoublePrecision()
    {
        foreach (var x in Inputs.Where(x => x > -80f))
        {
            var expected = 1 / (1 + Math.Exp(-x));
            var actual = Evaluate(x, LaneMath<Lanes512, Vector512<float>>.Sigmoid, LaneMath<Lanes256, Vector256<float>>.Sigmoid, LaneMath<LanesScalar, float>.Sigmoid);
            AssertRelative("sigmoid", x, expected, actual, 1e-6);
        }
    }

    [Fact]
    public void Exp_StaysFiniteOutsideClampRange()
    {
        Assert.True(float.IsFinite(LaneMath<LanesScalar, float>.Exp(1000f)));
        Assert.Equal(0f, LaneMath<LanesScalar, float>.Exp(-1000f), 1e-37f);
    }

    [Theory]
    [InlineData(-1e20f)]
    [InlineData(float.NegativeInfinity)]
    [InlineData(1e20f)]
    [InlineData(float.PositiveInfinity)]
    public void ExtremeInputs_GiveFiniteResults(float x)
    {
        var exp = Evaluate(x, LaneMath<Lanes512, Vector512<float>>.Exp, LaneMath<Lanes256, Vector256<float>>.Exp, LaneMath<LanesScalar, float>.Exp);
        var sigmoid = Evaluate(x, LaneMath<Lanes512, Vector512<float>>.Sigmoid, LaneMath<Lanes256, Vector256<float>>.Sigmoid, LaneMath<LanesScalar, float>.Sigmoid);
        var softplus = Evaluate(x, LaneMath<Lanes512, Vector512<float>>.Softplus, LaneMath<Lanes256, Vector256<float>>.Softplus, LaneMath<LanesScalar, float>.Softplus);

        // Exp is clamped to [−104, 88], so sigmoid bottoms out at 1 / (1 + e^88), about 6e-39.
        Assert.True(float.IsFinite(exp), $"exp({x}) = {exp}");
        Assert.True(exp >= 0, $"exp({x}) = {exp}");
        Assert.Equal(x > 0 ? 1f : 0f, sigmoid, 1e-38f);
        Assert.True(x > 0 ? softplus == x : softplus is >= 0 and < 1e-38f, $"softplus({x}) = {softplus}");
    }

    /// <summary>Evaluates <paramref name="x"/> through all three lane types and checks that they agree exactly.</summary>
    private static float Evaluate(
        float x,
        Func<Vector512<float>, Vector512<float>> wide,
        Func<Vector256<float>, Vector256<float>> narrow,
        Func<float, float> scalar)
    {
        var fromWide = wide(Vector512.Create(x)).GetElement(3);
        var fromNarrow = narrow(Vector256.Create(x)).GetElement(5);
        var fromScalar = scalar(x);
        Assert.Equal(fromScalar, fromNarrow, 1e-6f * Math.Max(1f, Math.Abs(fromScalar)));
        Assert.Equal(fromScalar, fromWide, 1e-6f * Math.Max(1f, Math.Abs(fromScalar)));
        return fromScalar;
    }

    private static void AssertRelative(string function, float x, double expected, float actual, double tolerance)
    {
        var error = Math.Abs(actual - expected) / Math.Max(Math.Abs(expected), 1e-30);
        Assert.True(error <= tolerance, $"{function}({x}) = {actual:G9}, expected {expected:G9} (relative error {error:G3}).");
    }
}
