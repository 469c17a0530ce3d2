using ModelDsl.Kernels.Ilgpu;

namespace ModelDsl.Tests.Kernels;

public sealed class IlgpuKernelCacheTests
{
    [Fact]
    public void Get_CompilesEachKernelClassOnce()
    {
        var accelerator = IlgpuRuntime.CpuAccelerator;
        var kernel = ScanKernels.Get(4, ScanMode.Plain);

        var first = IlgpuKernelCache.Get(accelerator, kernel);
        var second = IlgpuKernelCache.Get(accelerator, kernel);

        Assert.Same(first, second);
    }

    [Fact]
    public void Get_SeparatesKernelClasses()
    {
        var accelerator = IlgpuRuntime.CpuAccelerator;

        var plain = IlgpuKernelCache.Get(accelerator, ScanKernels.Get(1, ScanMode.Plain));
        var gated = IlgpuKernelCache.Get(accelerator, ScanKernels.Get(1, ScanMode.GateDelta));

        Assert.NotSame(plain, gated);
    }
}
