using ModelDsl.Kernels;

namespace ModelDsl.Tests.Kernels;

/// <summary>Finds the generated kernel classes that <c>KernelDeclarations.cs</c> makes the generator emit.</summary>
internal static class ScanKernels
{
    /// <summary>Returns the generated kernel for <paramref name="dState"/> and <paramref name="mode"/>.</summary>
    public static SelectiveScanKernel Get(int dState, ScanMode mode)
    {
        var name = "ModelDsl.Generated.SelectiveScanN" + dState + (mode == ScanMode.Plain ? "" : mode.ToString());
        var type = typeof(ScanKernels).Assembly.GetType(name)
            ?? throw new InvalidOperationException(
                $"Generated kernel {name} not found; declare a model with [MambaMixer(DState = {dState})] and mode {mode} in KernelDeclarations.cs.");
        var instance = type.GetField("Instance")?.GetValue(null)
            ?? throw new InvalidOperationException($"Generated kernel {name} has no static Instance field.");
        return (SelectiveScanKernel)instance;
    }
}
