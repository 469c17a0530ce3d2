namespace ModelDsl.Generators.Model;

/// <summary>
/// Everything a generated selective-scan kernel is specialised to. Mixers with equal specs in one
/// compilation share one kernel class.
/// </summary>
/// <param name="DState">State size per channel, a compile-time constant of the kernel.</param>
/// <param name="Mode">How the global selection input enters the scan.</param>
internal sealed record ScanKernelSpec(int DState, ScanMode Mode)
{
    /// <summary>Namespace of every generated kernel class.</summary>
    public const string Namespace = "ModelDsl.Generated";

    /// <summary>Name of the generated kernel class, such as <c>SelectiveScanN16GateDelta</c>.</summary>
    public string ClassName => "SelectiveScanN" + DState + (Mode == ScanMode.Plain ? "" : Mode.ToString());

    /// <summary>Fully qualified name for use in other generated files.</summary>
    public string FullyQualifiedName => "global::" + Namespace + "." + ClassName;
}
