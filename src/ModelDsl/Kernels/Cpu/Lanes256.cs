using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace ModelDsl.Kernels.Cpu;

/// <summary>8-lane float32 operations on <see cref="Vector256{T}"/>.</summary>
public readonly struct Lanes256 : ILaneOps<Vector256<float>>
{
    /// <inheritdoc />
    public static int Width => Vector256<float>.Count;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Broadcast(float value) => Vector256.Create(value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe Vector256<float> Load(NativeFloatBuffer buffer, long index) => Vector256.Load((float*)buffer.Address + index);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Store(NativeFloatBuffer buffer, long index, Vector256<float> value) => value.Store((float*)buffer.Address + index);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Add(Vector256<float> left, Vector256<float> right) => left + right;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Subtract(Vector256<float> left, Vector256<float> right) => left - right;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Multiply(Vector256<float> left, Vector256<float> right) => left * right;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Divide(Vector256<float> left, Vector256<float> right) => left / right;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> MultiplyAdd(Vector256<float> left, Vector256<float> right, Vector256<float> addend)
        => Vector256.MultiplyAddEstimate(left, right, addend);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Min(Vector256<float> left, Vector256<float> right) => Vector256.Min(left, right);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Max(Vector256<float> left, Vector256<float> right) => Vector256.Max(left, right);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Round(Vector256<float> value) => Vector256.Round(value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> GreaterThan(Vector256<float> left, Vector256<float> right) => Vector256.GreaterThan(left, right);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> EqualTo(Vector256<float> left, Vector256<float> right) => Vector256.Equals(left, right);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Select(Vector256<float> mask, Vector256<float> whenSet, Vector256<float> whenClear)
        => Vector256.ConditionalSelect(mask, whenSet, whenClear);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> ScaleByPowerOfTwo(Vector256<float> value, Vector256<float> exponent)
    {
        if (Avx512F.VL.IsSupported)
        {
            return Avx512F.VL.Scale(value, exponent);
        }

        return value * LaneBits.PowerOfTwo(exponent);
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddLaneSums(ReadOnlySpan<Vector256<float>> terms, NativeFloatBuffer destination, long index)
    {
        var i = 0;
        if (Avx.IsSupported)
        {
            for (; i + 8 <= terms.Length; i += 8)
            {
                Store(destination, index + i, Load(destination, index + i) + SumEight(terms.Slice(i, 8)));
            }
        }

        for (; i < terms.Length; i++)
        {
            destination[index + i] += Vector256.Sum(terms[i]);
        }
    }

    /// <summary>
    /// Returns the 8 lane sums of 8 registers in one register. Three levels each add two registers
    /// after moving halves, then pairs, then single lanes of two inputs next to each other. The tree
    /// leaves the sum of its input slot 2j + k in lane 4k + j, so slot s reads term 4·(s mod 2) + s / 2
    /// and lane i ends with the sum of term i.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> SumEight(ReadOnlySpan<Vector256<float>> terms)
    {
        var halves0 = FoldHalves(terms[0], terms[4]);
        var halves1 = FoldHalves(terms[1], terms[5]);
        var halves2 = FoldHalves(terms[2], terms[6]);
        var halves3 = FoldHalves(terms[3], terms[7]);
        var pairs0 = FoldPairs(halves0, halves1);
        var pairs1 = FoldPairs(halves2, halves3);
        return FoldSingles(pairs0, pairs1);
    }

    // [a.low + a.high, b.low + b.high].
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> FoldHalves(Vector256<float> a, Vector256<float> b)
        => Avx.Permute2x128(a, b, 0x20) + Avx.Permute2x128(a, b, 0x31);

    // In each 128-bit block: [a0 + a2, a1 + a3, b0 + b2, b1 + b3].
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> FoldPairs(Vector256<float> a, Vector256<float> b)
        => Avx.Shuffle(a, b, 0x44) + Avx.Shuffle(a, b, 0xEE);

    // In each 128-bit block: [a0 + a1, a2 + a3, b0 + b1, b2 + b3].
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> FoldSingles(Vector256<float> a, Vector256<float> b)
        => Avx.Shuffle(a, b, 0x88) + Avx.Shuffle(a, b, 0xDD);
}
