using System.Runtime.CompilerServices;

namespace ModelDsl.Kernels.Cpu;

/// <summary>
/// Transcendental functions of the scan written with <see cref="ILaneOps{TVector}"/> primitives, so
/// every register width gets the same float32 approximations. Log uses the Cephes single precision
/// polynomial (relative error near 2e-7), exp a degree-5 fit after range reduction.
/// </summary>
/// <typeparam name="TLanes">Operations of the register type.</typeparam>
/// <typeparam name="TVector">Register type.</typeparam>
public static class LaneMath<TLanes, TVector>
    where TLanes : struct, ILaneOps<TVector>
    where TVector : unmanaged
{
    /// <summary>Inputs above this pass through softplus unchanged, as in PyTorch's softplus threshold.</summary>
    public const float SoftplusThreshold = 20f;

    /// <summary>log2(e), the factor that turns a natural exponent into a base-2 one.</summary>
    public const float Log2E = 1.44269504f;

    /// <summary>
    /// Computes <c>e^x</c> within a relative 1e-6 (the bound the tests check). Inputs are clamped to
    /// [−104, 88], so the result never overflows to infinity and the range reduction stays exact for
    /// any finite input. Below about −103 the result is 0, and below about −88 in lane types that
    /// build powers of two from bits (<see cref="LaneBits"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector Exp(TVector x)
    {
        x = TLanes.Min(TLanes.Max(x, TLanes.Broadcast(-104f)), TLanes.Broadcast(88f));

        // x = k·ln2 + r with |r| ≤ ln2/2; ln2 is split in two parts so k·ln2 is subtracted exactly.
        var k = TLanes.Round(TLanes.Multiply(x, TLanes.Broadcast(Log2E)));
        var r = TLanes.MultiplyAdd(k, TLanes.Broadcast(-0.693359375f), x);
        r = TLanes.MultiplyAdd(k, TLanes.Broadcast(2.12194440e-4f), r);

        // Degree-5 fit of e^r on [−ln2/2, ln2/2], minimising the largest relative error (7.5e-8 in exact arithmetic).
        var p = Degree5(r, 8.2976128906e-3f, 4.1915412992e-2f, 1.6667574644e-1f, 4.9998897314e-1f, 9.9999964237e-1f, 1.0000001192f);
        return TLanes.ScaleByPowerOfTwo(p, k);
    }

    /// <summary>
    /// Computes <c>2^u</c> within a relative 1e-6 for finite <c>u</c> up to 127. Below about −149 the
    /// result is 0, and below −127 in lane types that build powers of two from bits (<see cref="LaneBits"/>). The scan computes its decay <c>exp(δ·A)</c> as
    /// <c>2^((δ·log2 e)·A)</c> with the factor taken once per step, so each state update pays one
    /// multiply, a rounding, a subtraction, five FMAs and a scale.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector Exp2(TVector u)
    {
        // u = k + f with |f| ≤ 1/2; f is exact.
        var k = TLanes.Round(u);
        var f = TLanes.Subtract(u, k);

        // Degree-5 fit of 2^f on [−1/2, 1/2], minimising the largest relative error (7.5e-8 in exact arithmetic).
        var p = Degree5(f, 1.3276404934e-3f, 9.6755484119e-3f, 5.5507134646e-2f, 2.4022120237e-1f, 6.9314694405e-1f, 1.0000001192f);
        return TLanes.ScaleByPowerOfTwo(p, k);
    }

    /// <summary>Evaluates <c>c5·x⁵ + c4·x⁴ + … + c0</c> by Horner's rule, one FMA a degree.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector Degree5(TVector x, float c5, float c4, float c3, float c2, float c1, float c0)
    {
        var p = TLanes.MultiplyAdd(TLanes.Broadcast(c5), x, TLanes.Broadcast(c4));
        p = TLanes.MultiplyAdd(p, x, TLanes.Broadcast(c3));
        p = TLanes.MultiplyAdd(p, x, TLanes.Broadcast(c2));
        p = TLanes.MultiplyAdd(p, x, TLanes.Broadcast(c1));
        return TLanes.MultiplyAdd(p, x, TLanes.Broadcast(c0));
    }

    /// <summary>
    /// Computes <c>ln(1 + u)</c> for <c>u</c> in [0, 1]. The rounding of <c>1 + u</c> is corrected
    /// by the factor <c>u / ((1 + u) − 1)</c>, so tiny <c>u</c> keeps its full relative precision.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector Log1pUnit(TVector u)
    {
        var one = TLanes.Broadcast(1f);
        var w = TLanes.Add(one, u);

        // Reduce w ∈ [1, 2] to m ∈ [√½, √2): w = m · 2^e with e ∈ {0, 1}.
        var upper = TLanes.GreaterThan(w, TLanes.Broadcast(1.41421356f));
        var m = TLanes.Select(upper, TLanes.Multiply(w, TLanes.Broadcast(0.5f)), w);
        var e = TLanes.Select(upper, one, TLanes.Broadcast(0f));
        var f = TLanes.Subtract(m, one);
        var f2 = TLanes.Multiply(f, f);

        var p = TLanes.Broadcast(7.0376836292e-2f);
        p = TLanes.MultiplyAdd(p, f, TLanes.Broadcast(-1.1514610310e-1f));
        p = TLanes.MultiplyAdd(p, f, TLanes.Broadcast(1.1676998740e-1f));
        p = TLanes.MultiplyAdd(p, f, TLanes.Broadcast(-1.2420140846e-1f));
        p = TLanes.MultiplyAdd(p, f, TLanes.Broadcast(1.4249322787e-1f));
        p = TLanes.MultiplyAdd(p, f, TLanes.Broadcast(-1.6668057665e-1f));
        p = TLanes.MultiplyAdd(p, f, TLanes.Broadcast(2.0000714765e-1f));
        p = TLanes.MultiplyAdd(p, f, TLanes.Broadcast(-2.4999993993e-1f));
        p = TLanes.MultiplyAdd(p, f, TLanes.Broadcast(3.3333331174e-1f));

        var y = TLanes.Multiply(TLanes.Multiply(p, f), f2);
        y = TLanes.MultiplyAdd(e, TLanes.Broadcast(-2.12194440e-4f), y);
        y = TLanes.MultiplyAdd(f2, TLanes.Broadcast(-0.5f), y);
        var log = TLanes.MultiplyAdd(e, TLanes.Broadcast(0.693359375f), TLanes.Add(f, y));

        // w − 1 is exact because w ∈ [1, 2].
        var rounded = TLanes.Subtract(w, one);
        var exactOne = TLanes.EqualTo(rounded, TLanes.Broadcast(0f));
        var corrected = TLanes.Divide(TLanes.Multiply(log, u), TLanes.Select(exactOne, one, rounded));
        return TLanes.Select(exactOne, u, corrected);
    }

    /// <summary>Computes the logistic sigmoid <c>1 / (1 + e^−x)</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector Sigmoid(TVector x)
    {
        var one = TLanes.Broadcast(1f);
        return TLanes.Divide(one, TLanes.Add(one, Exp(TLanes.Subtract(TLanes.Broadcast(0f), x))));
    }

    /// <summary>Computes <c>SiLU(x) = x · σ(x)</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector Silu(TVector x) => TLanes.Multiply(x, Sigmoid(x));

    /// <summary>Computes <c>SiLU′(x) = σ(x) · (1 + x · (1 − σ(x)))</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector SiluDerivative(TVector x)
    {
        var one = TLanes.Broadcast(1f);
        var sigmoid = Sigmoid(x);
        return TLanes.Multiply(sigmoid, TLanes.MultiplyAdd(x, TLanes.Subtract(one, sigmoid), one));
    }

    /// <summary>
    /// Computes <c>softplus(x) = ln(1 + e^x)</c> as <c>max(x, 0) + ln(1 + e^−|x|)</c>, and passes
    /// inputs above <see cref="SoftplusThreshold"/> through unchanged.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector Softplus(TVector x)
    {
        var negativeAbs = TLanes.Min(x, TLanes.Subtract(TLanes.Broadcast(0f), x));
        var smooth = TLanes.Add(TLanes.Max(x, TLanes.Broadcast(0f)), Log1pUnit(Exp(negativeAbs)));
        return TLanes.Select(TLanes.GreaterThan(x, TLanes.Broadcast(SoftplusThreshold)), x, smooth);
    }

    /// <summary>
    /// Computes the derivative of <see cref="Softplus"/>: <c>σ(x)</c>, and 1 above
    /// <see cref="SoftplusThreshold"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector SoftplusDerivative(TVector x)
        => TLanes.Select(TLanes.GreaterThan(x, TLanes.Broadcast(SoftplusThreshold)), TLanes.Broadcast(1f), Sigmoid(x));
}
