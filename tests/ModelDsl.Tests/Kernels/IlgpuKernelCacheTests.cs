using ModelDsl.Kernels.Ilgpu;

namespace ModelDsl.Tests.Kernels;

public sealed class IlgpuKernelCacheTests
{
    [Fact]
    public void Get_CompilesEachKernelClassOnce()
    {
        var accelerator = IlgpuRuntime.CpuAccelerator;
        var kernel = IlgpuGeneratedKernels.Get("SelectiveScanN4");

        var first = IlgpuKernelCache.Get(accelerator, kernel);
        var second = IlgpuKernelCache.Get(accelerator, kernel);

        Assert.Same(first, second);
    }

    [Fact]
    public void Get_SeparatesKernelClasses()
    {
        var accelerator = IlgpuRuntime.CpuAccelerator;

        var plain = IlgpuKernelCache.Get(accelerator, IlgpuGeneratedKernels.Get("SelectiveScanN1"));
        var gated = IlgpuKernelCache.Get(accelerator, IlgpuGeneratedKernels.Get("SelectiveScanN1GateDelta"));

        Assert.NotSame(plain, gated);
    }
}
