namespace ModelDsl;

/// <summary>Run-time options of a generated model.</summary>
public sealed record ModelOptions
{
    /// <summary>Selective-scan implementation of every mixer.</summary>
    public ScanPath ScanPath { get; init; } = ScanPath.Fused;

    /// <summary>Seed for parameter initialisation; <c>null</c> uses TorchSharp's global generator.</summary>
    public long? Seed { get; init; }
}
