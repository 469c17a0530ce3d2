namespace ModelDsl.Generators.Model;

/// <summary>
/// How a scan kernel treats the global selection input <c>g</c>. Mirrors the runtime's
/// <c>ModelDsl.GlobalSelectionVariant</c> plus <see cref="Plain"/> for mixers without the module.
/// </summary>
internal enum ScanMode
{
    /// <summary>No global selection input.</summary>
    Plain,

    /// <summary><c>δ_pre ⊙ SiLU(g)</c> before the Δ bias.</summary>
    GateDelta,

    /// <summary><c>x + SiLU(g)</c> as the scan input.</summary>
    AddToInput,
}
