using System.Reflection;
using ModelDsl.Kernels;

namespace ModelDsl.Tests.Kernels;

/// <summary>The kernel classes that the generator emitted into this test assembly, found by reflection.</summary>
internal static class IlgpuGeneratedKernels
{
    private const string GeneratedNamespace = "ModelDsl.Generated";

    /// <summary>Every generated kernel class of this assembly, as its <c>Instance</c>.</summary>
    public static IReadOnlyList<SelectiveScanKernel> All()
        => typeof(IlgpuGeneratedKernels).Assembly.GetTypes()
            .Where(type => type.Namespace == GeneratedNamespace && typeof(SelectiveScanKernel).IsAssignableFrom(type))
            .OrderBy(type => type.Name, StringComparer.Ordinal)
            .Select(Instance)
            .ToList();

    /// <summary>Returns the generated kernel named <paramref name="className"/>, failing the test when it was not generated.</summary>
    public static SelectiveScanKernel Get(string className)
    {
        var type = typeof(IlgpuGeneratedKernels).Assembly.GetType(GeneratedNamespace + "." + className);
        Assert.True(
            type is not null,
            $"The generator emitted no kernel class {className} into the test assembly; declare a model with that d_state and global selection in the kernel declarations.");
        return Instance(type);
    }

    private static SelectiveScanKernel Instance(Type type)
    {
        var field = type.GetField("Instance", BindingFlags.Public | BindingFlags.Static);
        Assert.True(field is not null, $"{type.Name} has no public static Instance field.");
        return (SelectiveScanKernel)field.GetValue(null)!;
    }
}
