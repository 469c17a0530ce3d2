using Microsoft.Extensions.Logging;
using ModelDsl.Kernels.Cpu;
using ModelDsl.Kernels.Ilgpu;

namespace ModelDsl.Kernels;

/// <summary>
/// Chooses the process-wide scan backend from <see cref="Configure"/> or, without a call to it, from
/// the environment variable <c>MODELDSL_SCAN_BACKEND</c> (auto, cpu-vectorised, ilgpu-cpu or
/// ilgpu-cuda). The choice is resolved and logged once, at first use.
/// </summary>
public static class ScanBackendSelector
{
    /// <summary>Name of the environment variable that selects the backend.</summary>
    public const string EnvironmentVariable = "MODELDSL_SCAN_BACKEND";

    private static readonly object Gate = new();
    private static ScanBackendKind? requested;
    private static IScanBackend? current;

    /// <summary>Backend that <see cref="SelectiveScanKernel.Forward"/> runs on, resolved at first use.</summary>
    internal static IScanBackend Current
    {
        get
        {
            var resolved = Volatile.Read(ref current);
            if (resolved is not null)
            {
                return resolved;
            }

            lock (Gate)
            {
                if (current is null)
                {
                    var kind = requested ?? ReadEnvironment();
                    var backend = Create(kind);
                    ModelDslLogging.CreateLogger<SelectiveScanKernel>().LogInformation(
                        "Selective scan backend {Backend} (requested {Requested}; CPU SIMD width {Lanes} float32 lanes, {Cores} cores).",
                        backend.Name, kind, CpuScanBackend.LaneWidth, Environment.ProcessorCount);
                    Volatile.Write(ref current, backend);
                }

                return current;
            }
        }
    }

    /// <summary>
    /// Sets the backend kind for the rest of the process, overriding the environment variable. Call it
    /// before the first scan; a later call with a different kind raises.
    /// </summary>
    /// <exception cref="InvalidOperationException">A different backend is already in use.</exception>
    public static void Configure(ScanBackendKind kind)
    {
        lock (Gate)
        {
            if (current is not null && requested != kind)
            {
                throw new InvalidOperationException(
                    $"The scan backend {current.Name} is already in use; call ScanBackendSelector.Configure({kind}) before the first scan.");
            }

            requested = kind;
        }
    }

    /// <summary>Parses a backend name as accepted in <see cref="EnvironmentVariable"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="text"/> names no backend.</exception>
    public static ScanBackendKind Parse(string text)
    {
        var normalised = text.Trim().Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
        return normalised.ToLowerInvariant() switch
        {
            "auto" or "" => ScanBackendKind.Auto,
            "cpuvectorised" or "cpuvectorized" or "cpu" => ScanBackendKind.CpuVectorised,
            "ilgpucpu" => ScanBackendKind.IlgpuCpu,
            "ilgpucuda" or "cuda" => ScanBackendKind.IlgpuCuda,
            _ => throw new ArgumentException(
                $"Unknown scan backend '{text}'; expected auto, cpu-vectorised, ilgpu-cpu or ilgpu-cuda.", nameof(text)),
        };
    }

    /// <summary>Creates the backend for <paramref name="kind"/>.</summary>
    /// <exception cref="InvalidOperationException"><see cref="ScanBackendKind.IlgpuCuda"/> was requested but ILGPU finds no CUDA device.</exception>
    internal static IScanBackend Create(ScanBackendKind kind)
    {
        switch (kind)
        {
            case ScanBackendKind.Auto:
                return IlgpuRuntime.CudaAccelerator is { } cuda ? new IlgpuScanBackend(cuda) : new CpuScanBackend();
            case ScanBackendKind.CpuVectorised:
                return new CpuScanBackend();
            case ScanBackendKind.IlgpuCpu:
                return IlgpuScanBackend.CreateCpu();
            case ScanBackendKind.IlgpuCuda:
                return new IlgpuScanBackend(IlgpuRuntime.CudaAccelerator ?? throw new InvalidOperationException(
                    $"Scan backend {kind} was requested, but ILGPU finds no CUDA device; use {ScanBackendKind.Auto} or {ScanBackendKind.CpuVectorised}."));
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown scan backend kind.");
        }
    }

    private static ScanBackendKind ReadEnvironment()
    {
        var value = Environment.GetEnvironmentVariable(EnvironmentVariable);
        return string.IsNullOrWhiteSpace(value) ? ScanBackendKind.Auto : Parse(value);
    }
}
