using System.Runtime.CompilerServices;

namespace ModelDsl.Kernels.Cpu;

/// <summary>
/// Transcendental functions of the scan written with <see cref="ILaneOps{TVector}"/> primitives, so
/// every register width gets the same float32 approximations. Exp and log use the Cephes single
/// precision polynomials (relative error near 2e-7 over the clamped range).
/// </summary>
/// <typeparam name="TLanes">Operations of the register type.</typeparam>
/// <typeparam name="TVector">Register type.</typeparam>
public static class LaneMath<TLanes, TVector>
    where TLanes : struct, ILaneOps<TVector>
    where TVector : unmanaged
{
    /// <summary>Inputs above this pass through softplus unchanged, as in PyTorch's softplus threshold.</summary>
    public const float SoftplusThreshold = 20f;

    /// <summary>
    /// Computes <c>e^x</c>. Inputs are clamped to [−87.3, 88], so results below 2^−126 come out as
    /// about 1e−38 instead of 0, and results never overflow to infinity.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector Exp(TVector x)
    {
        x = TLanes.Min(TLanes.Max(x, TLanes.Broadcast(-87.33654f)), TLanes.Broadcast(88f));

        // x = k·ln2 + r with |r| ≤ ln2/2; ln2 is split in two parts so k·ln2 is subtracted exactly.
        var k = TLanes.Floor(TLanes.MultiplyAdd(x, TLanes.Broadcast(1.44269504f), TLanes.Broadcast(0.5f)));
        var r = TLanes.MultiplyAdd(k, TLanes.Broadcast(-0.693359375f), x);
        r = TLanes.MultiplyAdd(k, TLanes.Broadcast(2.12194440e-4f), r);

        var p = TLanes.Broadcast(1.9875691500e-4f);
        p = TLanes.MultiplyAdd(p, r, TLanes.Broadcast(1.3981999507e-3f));
        p = TLanes.MultiplyAdd(p, r, TLanes.Broadcast(8.3334519073e-3f));
        p = TLanes.MultiplyAdd(p, r, TLanes.Broadcast(4.1665795894e-2f));
        p = TLanes.MultiplyAdd(p, r, TLanes.Broadcast(1.6666665459e-1f));
        p = TLanes.MultiplyAdd(p, r, TLanes.Broadcast(5.0000001201e-1f));
        p = TLanes.MultiplyAdd(p, TLanes.Multiply(r, r), TLanes.Add(r, TLanes.Broadcast(1f)));

        return TLanes.ScaleByPowerOfTwo(p, k);
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
