using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ModelDsl.Kernels.Cpu;

/// <summary>
/// Powers of two built from exponent bits, for register types without a scale instruction. The
/// exponent is clamped to [−127, 128], so 2^−127 and below come out as 0 (the denormal range is
/// flushed) and 2^128 and above as infinity.
/// </summary>
internal static class LaneBits
{
    private const float MinExponent = -127f;
    private const float MaxExponent = 128f;

    /// <summary>Returns <c>2^exponent</c> for integral lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> PowerOfTwo(Vector512<float> exponent)
    {
        var clamped = Vector512.Min(Vector512.Max(exponent, Vector512.Create(MinExponent)), Vector512.Create(MaxExponent));
        return Vector512.ShiftLeft(Vector512.ConvertToInt32(clamped) + Vector512.Create(127), 23).AsSingle();
    }

    /// <summary>Returns <c>2^exponent</c> for integral lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> PowerOfTwo(Vector256<float> exponent)
    {
        var clamped = Vector256.Min(Vector256.Max(exponent, Vector256.Create(MinExponent)), Vector256.Create(MaxExponent));
        return Vector256.ShiftLeft(Vector256.ConvertToInt32(clamped) + Vector256.Create(127), 23).AsSingle();
    }

    /// <summary>Returns <c>2^exponent</c> for an integral value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float PowerOfTwo(float exponent)
    {
        var clamped = Math.Clamp(exponent, MinExponent, MaxExponent);
        return BitConverter.Int32BitsToSingle(((int)clamped + 127) << 23);
    }
}
