using System.Runtime.CompilerServices;
using ILGPU.Algorithms;

namespace ModelDsl.Kernels.Ilgpu;

/// <summary>
/// Scalar activations that the generated ILGPU scan kernels call. ILGPU compiles them into the kernels,
/// so they use <see cref="XMath"/>, which ILGPU.Algorithms maps to PTX instructions on CUDA.
/// </summary>
public static class IlgpuScanMath
{
    /// <summary>Computes <c>e^v</c> with <see cref="XMath.Exp(float)"/>, so generated code needs no ILGPU.Algorithms reference.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Exp(float value) => XMath.Exp(value);

    /// <summary>Input above which softplus returns its input unchanged, as <c>torch.nn.functional.softplus</c> does.</summary>
    public const float SoftplusThreshold = 20f;

    /// <summary>Computes <c>softplus(v) = ln(1 + e^v)</c>, passing <paramref name="value"/> through above <see cref="SoftplusThreshold"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Softplus(float value)
        => value > SoftplusThreshold ? value : XMath.Log(1f + XMath.Exp(value));

    /// <summary>Computes the derivative of <see cref="Softplus"/>: <c>σ(v)</c>, or 1 above the threshold.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float SoftplusGradient(float value)
        => value > SoftplusThreshold ? 1f : Sigmoid(value);

    /// <summary>Computes the logistic sigmoid <c>σ(v) = 1 / (1 + e^−v)</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Sigmoid(float value) => 1f / (1f + XMath.Exp(-value));

    /// <summary>Computes <c>SiLU(v) = v · σ(v)</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Silu(float value) => value * Sigmoid(value);

    /// <summary>Computes the derivative of SiLU: <c>σ(v) · (1 + v · (1 − σ(v)))</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float SiluGradient(float value)
    {
        var sigmoid = Sigmoid(value);
        return sigmoid * (1f + value * (1f - sigmoid));
    }
}
