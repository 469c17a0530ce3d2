using ModelDsl.Kernels;
using static TorchSharp.torch;

namespace ModelDsl.Tests;

public sealed class ReferenceScanTests
{
    [Fact]
    public void Forward_ReturnsInputShape()
    {
        var x = randn(2, 5, 3);
        var output = ReferenceScan.Forward(x, randn(2, 5, 3), randn(3), randn(3, 4), randn(2, 5, 4), randn(2, 5, 4), randn(3), randn(2, 5, 3));
        Assert.Equal(new long[] { 2, 5, 3 }, output.shape);
    }
}
