using ModelDsl.Kernels;
using ModelDsl.Kernels.Cpu;

namespace ModelDsl.Tests.Kernels;

public sealed class ScanBackendSelectorTests
{
    [Theory]
    [InlineData("auto", ScanBackendKind.Auto)]
    [InlineData("cpu-vectorised", ScanBackendKind.CpuVectorised)]
    [InlineData("CpuVectorized", ScanBackendKind.CpuVectorised)]
    [InlineData("ilgpu-cpu", ScanBackendKind.IlgpuCpu)]
    [InlineData(" ILGPU_CUDA ", ScanBackendKind.IlgpuCuda)]
    public void Parse_AcceptsBackendNames(string text, ScanBackendKind expected)
        => Assert.Equal(expected, ScanBackendSelector.Parse(text));

    [Fact]
    public void Parse_RejectsUnknownName()
    {
        var error = Assert.Throws<ArgumentException>(() => ScanBackendSelector.Parse("tpu"));
        Assert.Contains("'tpu'", error.Message);
        Assert.Contains("cpu-vectorised", error.Message);
    }

    [Fact]
    public void Create_CpuVectorisedReturnsCpuBackend()
        => Assert.IsType<CpuScanBackend>(ScanBackendSelector.Create(ScanBackendKind.CpuVectorised));

    [Fact]
    public void Create_IlgpuCpuReturnsIlgpuBackend()
        => Assert.Equal("ilgpu-cpu", ScanBackendSelector.Create(ScanBackendKind.IlgpuCpu).Name);

    [Fact]
    public void CpuScanBlockPlan_CoversEveryChannelOnce()
    {
        var blocks = CpuScanBlock.Plan(43, 16);
        Assert.Equal([16, 16, 8, 1, 1, 1], blocks.Select(block => block.Width));
        Assert.Equal(Enumerable.Range(0, 43).Select(i => (long)i), blocks.SelectMany(block => Enumerable.Range(0, block.Width).Select(i => block.Channel + i)));
    }
}
