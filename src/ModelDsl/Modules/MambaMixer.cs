using ModelDsl.Kernels;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ModelDsl.Modules;

/// <summary>
/// The Mamba (S6) mixer: input projection, short causal depthwise convolution, input-dependent
/// Δ, B and C, the selective scan, the SiLU(z) output gate and the output projection. With
/// <see cref="MixerSettings.GlobalSelection"/> it adds the global selection module: a depthwise
/// causal long convolution over the x branch whose output <c>g</c> gates Δ (or feeds the scan
/// input, by <see cref="GlobalSelectionVariant"/>), from "Revealing and Mitigating the Local
/// Pattern Shortcuts of Mamba" (You et al., 2024).
/// </summary>
/// <remarks>
/// Activations stay in (batch, length, channels) layout; only the convolutions transpose to the
/// (batch, channels, length) layout that Conv1d expects. Parameter names follow the Python
/// reference (<c>in_proj</c>, <c>conv1d</c>, <c>x_proj</c>, <c>dt_proj</c>, <c>A_log</c>,
/// <c>D</c>, <c>out_proj</c>, <c>long_conv</c>).
/// </remarks>
public sealed class MambaMixer : nn.Module<Tensor, Tensor>
{
    // RegisterComponents names parameters after these fields, so they carry the PyTorch names.
#pragma warning disable IDE1006
    private readonly Linear in_proj;
    private readonly Conv1d conv1d;
    private readonly Linear x_proj;
    private readonly Linear dt_proj;
    private readonly Parameter A_log;
    private readonly Parameter D;
    private readonly Linear out_proj;
    private readonly Conv1d? long_conv;
#pragma warning restore IDE1006

    private readonly SelectiveScanKernel kernel;

    /// <param name="name">Module name.</param>
    /// <param name="settings">Resolved mixer settings (d_model, d_state, d_conv, expand, dt_rank, Δ range, biases, global selection).</param>
    /// <param name="kernel">Fused selective-scan kernel used when <paramref name="scanPath"/> is <see cref="ScanPath.Fused"/>; its d_state must match.</param>
    /// <param name="scanPath">Which selective-scan implementation the forward pass calls.</param>
    public MambaMixer(string name, MixerSettings settings, SelectiveScanKernel kernel, ScanPath scanPath)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(kernel);
        MixerSettingsValidation.Validate(settings);
        if (kernel.DState != settings.DState)
        {
            throw new ArgumentException(
                $"Scan kernel {kernel.GetType().Name} is specialised to d_state {kernel.DState}, but the mixer has d_state {settings.DState}; pass the kernel generated for d_state {settings.DState}.",
                nameof(kernel));
        }

        if (!Enum.IsDefined(scanPath))
        {
            throw new ArgumentOutOfRangeException(nameof(scanPath), scanPath, $"Invalid scan path {(int)scanPath}; use ScanPath.Fused or ScanPath.Reference.");
        }

        Settings = settings;
        ScanPath = scanPath;
        this.kernel = kernel;

        var dInner = settings.DInner;
        in_proj = nn.Linear(settings.DModel, 2L * dInner, hasBias: settings.Bias);
        conv1d = nn.Conv1d(dInner, dInner, settings.DConv, groups: dInner, bias: settings.ConvBias);
        x_proj = nn.Linear(dInner, settings.DtRank + 2L * settings.DState, hasBias: false);
        dt_proj = nn.Linear(settings.DtRank, dInner, hasBias: true);
        A_log = new Parameter(empty(dInner, settings.DState));
        D = new Parameter(empty(dInner));
        out_proj = nn.Linear(dInner, settings.DModel, hasBias: settings.Bias);
        if (settings.GlobalSelection is { } globalSelection)
        {
            long_conv = nn.Conv1d(dInner, dInner, globalSelection.KernelSize, groups: dInner, bias: true);
        }

        RegisterComponents();

        // A standalone mixer gets the single-layer reference initialisation from the global generator.
        // MambaLanguageModel.InitializeParameters redraws it with the model's n_layers and seed.
        using var initializer = new ParameterInitializer(seed: null);
        ResetParameters(initializer, nLayers: 1);
    }

    /// <summary>Resolved settings this mixer was built from.</summary>
    public MixerSettings Settings { get; }

    /// <summary>Selective-scan implementation the forward pass calls.</summary>
    public ScanPath ScanPath { get; }

    /// <summary><c>A_log</c>, (E, N). The scan uses <c>A = −exp(A_log)</c>.</summary>
    public Parameter ALog => A_log;

    /// <summary>Skip weight <c>D</c>, (E).</summary>
    public Parameter SkipWeight => D;

    /// <summary>Maps (B, L, d_model) to (B, L, d_model).</summary>
    public override Tensor forward(Tensor input)
    {
        if (input.dim() != 3 || input.shape[2] != Settings.DModel)
        {
            throw new ArgumentException(
                $"Mamba mixer '{GetName()}' expects input of shape (batch, length, {Settings.DModel}), got [{string.Join(", ", input.shape)}].",
                nameof(input));
        }

        using var scope = NewDisposeScope();
        var length = input.shape[1];
        var dInner = Settings.DInner;

        var xz = in_proj.call(input);
        var x = xz.narrow(-1, 0, dInner);
        var z = xz.narrow(-1, dInner, dInner);

        // The global selection convolution reads x before the short convolution and its SiLU.
        var g = long_conv is null ? null : CausalConvolution(long_conv, x, length);
        x = nn.functional.silu(CausalConvolution(conv1d, x, length));

        var projected = x_proj.call(x);
        var deltaLow = projected.narrow(-1, 0, Settings.DtRank);
        var b = projected.narrow(-1, Settings.DtRank, Settings.DState);
        var c = projected.narrow(-1, Settings.DtRank + Settings.DState, Settings.DState);

        // The Δ bias goes to the scan separately because it is added after the global selection gate.
        var deltaPre = nn.functional.linear(deltaLow, dt_proj.weight);
        var deltaBias = dt_proj.bias!;
        var variant = Settings.GlobalSelection?.Variant ?? GlobalSelectionVariant.GateDelta;

        // The fused kernels read dense (B, L, channels) memory, but x, z, B and C are strided views here.
        var y = ScanPath == ScanPath.Reference
            ? ReferenceScan.Forward(x, deltaPre, deltaBias, A_log, b, c, D, z, g, variant)
            : kernel.Forward(x.contiguous(), deltaPre, deltaBias, A_log, b.contiguous(), c.contiguous(), D, z.contiguous(), g?.contiguous(), variant);

        return out_proj.call(y).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Writes the reference initialisation: PyTorch defaults for the convolutions and the
    /// projection weights, zero projection biases, <c>W_dt ~ U(−R^−0.5, R^−0.5)</c>, the Δ bias
    /// by inverse softplus of <c>dt = exp(U(ln dt_min, ln dt_max))</c> clamped at dt_init_floor,
    /// <c>A_log[d, n] = ln(n + 1)</c>, <c>D = 1</c>, and <c>out_proj.weight</c> divided by
    /// <c>√n_layers</c> so the residual stream's variance does not grow with depth.
    /// </summary>
    internal void ResetParameters(ParameterInitializer initializer, int nLayers)
    {
        var dInner = Settings.DInner;

        initializer.LinearWithZeroBias(in_proj);
        initializer.DefaultConv1d(conv1d);
        if (long_conv is not null)
        {
            initializer.DefaultConv1d(long_conv);
        }

        initializer.LinearWithZeroBias(x_proj);

        var dtStd = 1.0 / Math.Sqrt(Settings.DtRank);
        initializer.Uniform(dt_proj.weight, -dtStd, dtStd);
        using (var dtBias = InverseSoftplusDeltaBias(initializer.UniformSample(dInner)))
        {
            initializer.Copy(dt_proj.bias!, dtBias);
        }

        using (var stateIndex = arange(1, Settings.DState + 1, ScalarType.Float64))
        using (var aLog = stateIndex.log().expand(dInner, Settings.DState))
        {
            initializer.Copy(A_log, aLog);
        }

        initializer.Fill(D, 1.0);

        initializer.LinearWithZeroBias(out_proj);
        using (no_grad())
        {
            out_proj.weight.div_(Math.Sqrt(nLayers));
        }
    }

    /// <summary>
    /// Maps U(0, 1) samples to Δ biases: <c>dt = exp(ln dt_min + u·(ln dt_max − ln dt_min))</c>,
    /// clamped at dt_init_floor, then <c>dt + ln(−expm1(−dt))</c>, so that <c>softplus(bias) = dt</c>.
    /// </summary>
    private Tensor InverseSoftplusDeltaBias(Tensor uniformSample)
    {
        using var scope = NewDisposeScope();
        var logMin = Math.Log(Settings.DtMin);
        var logMax = Math.Log(Settings.DtMax);
        var dt = (uniformSample * (logMax - logMin) + logMin).exp().clamp_min(Settings.DtInitFloor);
        var bias = dt + (-(-dt).expm1()).log();
        uniformSample.Dispose();
        return bias.MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Applies a depthwise convolution causally: left padding of kernel − 1 steps, so output t
    /// depends on inputs t − kernel + 1 … t, and exactly <paramref name="length"/> outputs.
    /// </summary>
    private static Tensor CausalConvolution(Conv1d convolution, Tensor input, long length)
    {
        var kernelSize = convolution.weight.shape[2];
        var channelsFirst = input.transpose(1, 2);
        var padded = nn.functional.pad(channelsFirst, [kernelSize - 1, 0]);
        var output = convolution.call(padded);
        return output.narrow(-1, 0, length).transpose(1, 2);
    }
}
