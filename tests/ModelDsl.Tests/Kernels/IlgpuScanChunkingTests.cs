using ModelDsl.Kernels.Ilgpu;

namespace ModelDsl.Tests.Kernels;

public sealed class IlgpuScanChunkingTests
{
    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(2, 2, 1)]
    [InlineData(3, 2, 2)]
    [InlineData(16, 4, 4)]
    [InlineData(17, 5, 4)]
    [InlineData(1000, 32, 32)]
    public void ChunkLength_IsCeilingOfSquareRoot(int length, int expectedChunkLength, int expectedChunkCount)
    {
        Assert.Equal(expectedChunkLength, IlgpuScanChunking.ChunkLength(length));
        Assert.Equal(expectedChunkCount, IlgpuScanChunking.ChunkCount(length));
    }

    [Fact]
    public void ChunkLength_RejectsEmptySequence()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => IlgpuScanChunking.ChunkLength(0));

        Assert.Equal("length", error.ParamName);
    }
}
