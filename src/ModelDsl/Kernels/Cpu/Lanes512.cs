using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace ModelDsl.Kernels.Cpu;

/// <summary>16-lane float32 operations on <see cref="Vector512{T}"/>.</summary>
public readonly struct Lanes512 : ILaneOps<Vector512<float>>
{
    /// <inheritdoc />
    public static int Width => Vector512<float>.Count;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Broadcast(float value) => Vector512.Create(value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe Vector512<float> Load(NativeFloatBuffer buffer, long index) => Vector512.Load((float*)buffer.Address + index);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Store(NativeFloatBuffer buffer, long index, Vector512<float> value) => value.Store((float*)buffer.Address + index);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Add(Vector512<float> left, Vector512<float> right) => left + right;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Subtract(Vector512<float> left, Vector512<float> right) => left - right;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Multiply(Vector512<float> left, Vector512<float> right) => left * right;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Divide(Vector512<float> left, Vector512<float> right) => left / right;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> MultiplyAdd(Vector512<float> left, Vector512<float> right, Vector512<float> addend)
        => Vector512.MultiplyAddEstimate(left, right, addend);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Min(Vector512<float> left, Vector512<float> right) => Vector512.Min(left, right);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Max(Vector512<float> left, Vector512<float> right) => Vector512.Max(left, right);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Round(Vector512<float> value) => Vector512.Round(value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> GreaterThan(Vector512<float> left, Vector512<float> right) => Vector512.GreaterThan(left, right);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> EqualTo(Vector512<float> left, Vector512<float> right) => Vector512.Equals(left, right);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Select(Vector512<float> mask, Vector512<float> whenSet, Vector512<float> whenClear)
        => Vector512.ConditionalSelect(mask, whenSet, whenClear);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> ScaleByPowerOfTwo(Vector512<float> value, Vector512<float> exponent)
    {
        // One VSCALEFPS where AVX-512F is present; Vector512 is accelerated only with AVX-512F on x86.
        if (Avx512F.IsSupported)
        {
            return Avx512F.Scale(value, exponent);
        }

        return value * LaneBits.PowerOfTwo(exponent);
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddLaneSums(ReadOnlySpan<Vector512<float>> terms, NativeFloatBuffer destination, long index)
    {
        var i = 0;
        if (Avx512F.IsSupported)
        {
            for (; i + 16 <= terms.Length; i += 16)
            {
                Store(destination, index + i, Load(destination, index + i) + SumSixteen(terms.Slice(i, 16)));
            }
        }

        for (; i < terms.Length; i++)
        {
            destination[index + i] += Vector512.Sum(terms[i]);
        }
    }

    /// <summary>
    /// Returns the 16 lane sums of 16 registers in one register. Four levels each add two registers
    /// after moving halves, then quarters, then pairs, then single lanes of two inputs next to each
    /// other. The tree leaves the sum of its input slot 4j + k in lane 4k + j, so slot s reads term
    /// 4·(s mod 4) + s / 4 and lane i ends with the sum of term i.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> SumSixteen(ReadOnlySpan<Vector512<float>> terms)
    {
        var halves0 = FoldHalves(terms[0], terms[4]);
        var halves1 = FoldHalves(terms[8], terms[12]);
        var halves2 = FoldHalves(terms[1], terms[5]);
        var halves3 = FoldHalves(terms[9], terms[13]);
        var halves4 = FoldHalves(terms[2], terms[6]);
        var halves5 = FoldHalves(terms[10], terms[14]);
        var halves6 = FoldHalves(terms[3], terms[7]);
        var halves7 = FoldHalves(terms[11], terms[15]);
        var quarters0 = FoldQuarters(halves0, halves1);
        var quarters1 = FoldQuarters(halves2, halves3);
        var quarters2 = FoldQuarters(halves4, halves5);
        var quarters3 = FoldQuarters(halves6, halves7);
        var pairs0 = FoldPairs(quarters0, quarters1);
        var pairs1 = FoldPairs(quarters2, quarters3);
        return FoldSingles(pairs0, pairs1);
    }

    // [a0 + a2, a1 + a3, b0 + b2, b1 + b3] in 128-bit blocks.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> FoldHalves(Vector512<float> a, Vector512<float> b)
        => Avx512F.Shuffle4x128(a, b, 0x44) + Avx512F.Shuffle4x128(a, b, 0xEE);

    // [a0 + a1, a2 + a3, b0 + b1, b2 + b3] in 128-bit blocks.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> FoldQuarters(Vector512<float> a, Vector512<float> b)
        => Avx512F.Shuffle4x128(a, b, 0x88) + Avx512F.Shuffle4x128(a, b, 0xDD);

    // In each 128-bit block: [a0 + a2, a1 + a3, b0 + b2, b1 + b3].
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> FoldPairs(Vector512<float> a, Vector512<float> b)
        => Avx512F.Shuffle(a, b, 0x44) + Avx512F.Shuffle(a, b, 0xEE);

    // In each 128-bit block: [a0 + a1, a2 + a3, b0 + b1, b2 + b3].
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> FoldSingles(Vector512<float> a, Vector512<float> b)
        => Avx512F.Shuffle(a, b, 0x88) + Avx512F.Shuffle(a, b, 0xDD);
}
