namespace ModelDsl.Generators.Emitters.Kernels;

/// <summary>Fully qualified runtime names that the emitted CPU kernels refer to.</summary>
internal static class CpuScanNames
{
    private const string CpuNamespace = "global::ModelDsl.Kernels.Cpu.";

    public const string Problem = CpuNamespace + "CpuScanProblem";
    public const string Workspace = CpuNamespace + "CpuScanWorkspace";
    public const string Buffer = CpuNamespace + "NativeFloatBuffer";
    public const string LaneOps = CpuNamespace + "ILaneOps";
    public const string Lanes512 = CpuNamespace + "Lanes512";
    public const string Lanes256 = CpuNamespace + "Lanes256";
    public const string LanesScalar = CpuNamespace + "LanesScalar";
    public const string Vector512 = "global::System.Runtime.Intrinsics.Vector512<float>";
    public const string Vector256 = "global::System.Runtime.Intrinsics.Vector256<float>";

    /// <summary>Prefix of the transcendental functions inside a method generic over TLanes and TVector.</summary>
    public const string Math = CpuNamespace + "LaneMath<TLanes, TVector>.";

    /// <summary>Constraint lines of a method generic over TLanes and TVector.</summary>
    public static readonly string[] Constraints =
    {
        "where TLanes : struct, " + LaneOps + "<TVector>",
        "where TVector : unmanaged",
    };
}
