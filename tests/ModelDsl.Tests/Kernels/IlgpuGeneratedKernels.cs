using System.Reflection;
using ModelDsl.Kernels;

namespace ModelDsl.Tests.Kernels;

/// <summary>Every kernel class that the generator emitted into this test assembly, found by reflection.</summary>
internal static class IlgpuGeneratedKernels
{
    private const string GeneratedNamespace = "ModelDsl.Generated";

    /// <summary>Returns the <c>Instance</c> of every generated kernel class, ordered by class name.</summary>
    public static IReadOnlyList<SelectiveScanKernel> All()
        => typeof(IlgpuGeneratedKernels).Assembly.GetTypes()
            .Where(type => type.Namespace == GeneratedNamespace && typeof(SelectiveScanKernel).IsAssignableFrom(type))
            .OrderBy(type => type.Name, StringComparer.Ordinal)
            .Select(Instance)
            .ToList();

    private static SelectiveScanKernel Instance(Type type)
    {
        var field = type.GetField("Instance", BindingFlags.Public | BindingFlags.Static);
        Assert.True(field is not null, $"{type.Name} has no public static Instance field.");
        return (SelectiveScanKernel)field.GetValue(null)!;
    }
}
