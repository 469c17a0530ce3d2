using System.Reflection;
using ILGPU.Backends.EntryPoints;
using ILGPU.Backends.PTX;
using ILGPU.Runtime;
using ILGPU.Runtime.Cuda;
using ModelDsl.Kernels;
using ModelDsl.Kernels.Ilgpu;

namespace ModelDsl.Tests.Kernels;

/// <summary>
/// Compiles every generated ILGPU kernel to PTX for the A100 (sm_80) and H100/H200 (sm_90) architectures.
/// ILGPU's PTX backend needs no GPU, so this checks the CUDA code generation here. Assembling the PTX
/// (ptxas) and running it on a device still need a GPU.
/// </summary>
public sealed class IlgpuPtxCompilationTests
{
    public static TheoryData<CudaArchitecture> Architectures => new() { CudaArchitecture.SM_80, CudaArchitecture.SM_90 };

    [Theory]
    [MemberData(nameof(Architectures))]
    public void EveryGeneratedKernel_CompilesToPtx(CudaArchitecture architecture)
    {
        var kernels = IlgpuGeneratedKernels.All();
        Assert.NotEmpty(kernels);

        using var backend = new PTXBackend(IlgpuRuntime.Context, architecture, CudaInstructionSet.ISA_80, nvvmAPI: null!);
        foreach (var kernel in kernels)
        {
            AssertCompiles(backend, kernel, kernel.IlgpuKernels.Forward.Method, architecture);
            AssertCompiles(backend, kernel, kernel.IlgpuKernels.Backward.Method, architecture);
        }
    }

    [Fact]
    public void GeneratedKernels_IncludeEveryDeclaredConfiguration()
    {
        var names = IlgpuGeneratedKernels.All().Select(kernel => kernel.GetType().Name).ToHashSet();

        foreach (var dState in new[] { 1, 4, 16, 64 })
        {
            foreach (var mode in new[] { "", "GateDelta", "AddToInput" })
            {
                Assert.Contains("SelectiveScanN" + dState + mode, names);
            }
        }
    }

    private static void AssertCompiles(PTXBackend backend, SelectiveScanKernel kernel, MethodInfo method, CudaArchitecture architecture)
    {
        var entryPoint = EntryPointDescription.FromImplicitlyGroupedKernel(method);
        var compiled = backend.Compile(entryPoint, KernelSpecialization.Empty);

        var ptx = Assert.IsType<PTXCompiledKernel>(compiled).PTXAssembly;
        var name = kernel.GetType().Name + "." + method.Name;
        Assert.Equal(architecture, backend.Architecture);

        // NOTE: ILGPU 1.5.3 writes ".target sm_80" for every architecture from SM_80 up (checked for SM_86,
        // SM_89 and SM_90), so the sm_90 build is sm_80 PTX that the CUDA driver JIT-compiles for sm_90.
        var lines = ptx.Split('\n').Select(line => line.TrimEnd('\r')).ToHashSet();
        var target = ".target " + architecture.ToString().ToLowerInvariant();
        Assert.True(lines.Contains(target) || lines.Contains(".target sm_80"), $"{name}: the PTX targets neither {architecture} nor sm_80.");
        Assert.True(ptx.Contains(".entry Kernel_" + method.Name, StringComparison.Ordinal), $"{name}: the PTX has no entry point for the kernel.");

        // The unrolled state must live in registers: ILGPU would declare an array in .local memory.
        Assert.False(ptx.Contains(".local", StringComparison.Ordinal), $"{name}: the PTX uses local memory.");
    }
}
