namespace ModelDsl.Tests.Kernels;

/// <summary>Global selection mode of a test case; <see cref="Plain"/> is a mixer without the module.</summary>
public enum ScanMode
{
    Plain,
    GateDelta,
    AddToInput,
}
