namespace ModelDsl.Kernels.Ilgpu;

/// <summary>
/// Chunk length of the ILGPU scan's saved states. The forward kernel saves the state entering every chunk.
/// The backward kernel walks the chunks in reverse and recomputes the states inside each chunk from its
/// saved boundary into per-thread scratch space.
/// </summary>
/// <remarks>
/// With chunk length T, forward saves <c>B·E·N·ceil(L/T)</c> floats and backward needs <c>B·E·N·T</c>
/// floats of scratch. T = ceil(√L) keeps both near <c>B·E·N·√L</c>, so backward memory grows as √L rather
/// than as the <c>B·E·L·N</c> of storing every state. The price is one recomputation of each step's
/// discretisation in backward.
/// </remarks>
public static class IlgpuScanChunking
{
    /// <summary>Returns the chunk length T = ceil(√L) for a sequence of <paramref name="length"/> steps.</summary>
    public static int ChunkLength(int length)
    {
        if (length < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, "The sequence length must be at least 1.");
        }

        var chunkLength = (int)Math.Ceiling(Math.Sqrt(length));
        return Math.Max(1, chunkLength);
    }

    /// <summary>Returns the number of chunks, ceil(L / T), for a sequence of <paramref name="length"/> steps.</summary>
    public static int ChunkCount(int length)
    {
        var chunkLength = ChunkLength(length);
        return (length + chunkLength - 1) / chunkLength;
    }
}
