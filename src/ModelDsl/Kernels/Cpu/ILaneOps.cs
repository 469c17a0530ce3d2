namespace ModelDsl.Kernels.Cpu;

/// <summary>
/// Element-wise float32 operations on one SIMD register type (or a plain <see cref="float"/> for the
/// scalar tail). The generated CPU kernels are generic over an implementing struct, so the JIT
/// compiles one specialised copy per register width with every call inlined.
/// </summary>
/// <typeparam name="TVector">Register type, such as <c>Vector512&lt;float&gt;</c>.</typeparam>
public interface ILaneOps<TVector>
    where TVector : unmanaged
{
    /// <summary>Number of float32 lanes in <typeparamref name="TVector"/>.</summary>
    static abstract int Width { get; }

    /// <summary>Returns a register with every lane set to <paramref name="value"/>.</summary>
    static abstract TVector Broadcast(float value);

    /// <summary>Loads <see cref="Width"/> consecutive floats starting at <paramref name="index"/>.</summary>
    static abstract TVector Load(NativeFloatBuffer buffer, long index);

    /// <summary>Stores <see cref="Width"/> consecutive floats starting at <paramref name="index"/>.</summary>
    static abstract void Store(NativeFloatBuffer buffer, long index, TVector value);

    /// <summary>Returns <c>left + right</c>.</summary>
    static abstract TVector Add(TVector left, TVector right);

    /// <summary>Returns <c>left − right</c>.</summary>
    static abstract TVector Subtract(TVector left, TVector right);

    /// <summary>Returns <c>left · right</c>.</summary>
    static abstract TVector Multiply(TVector left, TVector right);

    /// <summary>Returns <c>left / right</c>.</summary>
    static abstract TVector Divide(TVector left, TVector right);

    /// <summary>Returns <c>left · right + addend</c>, fused where the hardware has FMA.</summary>
    static abstract TVector MultiplyAdd(TVector left, TVector right, TVector addend);

    /// <summary>Returns the lane-wise minimum.</summary>
    static abstract TVector Min(TVector left, TVector right);

    /// <summary>Returns the lane-wise maximum.</summary>
    static abstract TVector Max(TVector left, TVector right);

    /// <summary>Rounds every lane to the nearest integer, ties to even.</summary>
    static abstract TVector Round(TVector value);

    /// <summary>Returns a lane mask that is set where <c>left &gt; right</c>.</summary>
    static abstract TVector GreaterThan(TVector left, TVector right);

    /// <summary>Returns a lane mask that is set where <c>left == right</c>.</summary>
    static abstract TVector EqualTo(TVector left, TVector right);

    /// <summary>Picks <paramref name="whenSet"/> where <paramref name="mask"/> is set, else <paramref name="whenClear"/>.</summary>
    static abstract TVector Select(TVector mask, TVector whenSet, TVector whenClear);

    /// <summary>
    /// Returns <c>value · 2^exponent</c> for integral <paramref name="exponent"/> lanes. For
    /// <paramref name="value"/> in [0.5, 2], results too large for a float are infinity and results
    /// too small are 0. Lane types that build the power of two from bits (<see cref="LaneBits"/>) also
    /// flush results in the denormal range to 0.
    /// </summary>
    static abstract TVector ScaleByPowerOfTwo(TVector value, TVector exponent);

    /// <summary>
    /// Adds the lane sum of <c>terms[i]</c> to <c>destination[index + i]</c> for every <c>i</c>. Wide
    /// registers sum <see cref="Width"/> terms at a time with a shuffle tree, which takes about a third
    /// of the instructions of one horizontal sum per term.
    /// </summary>
    static abstract void AddLaneSums(ReadOnlySpan<TVector> terms, NativeFloatBuffer destination, long index);
}
