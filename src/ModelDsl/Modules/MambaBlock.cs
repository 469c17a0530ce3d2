using ModelDsl.Kernels;
using static TorchSharp.torch;

namespace ModelDsl.Modules;

/// <summary>Pre-norm residual block around a Mamba mixer: <c>h + mixer(RMSNorm(h))</c>.</summary>
public sealed class MambaBlock : nn.Module<Tensor, Tensor>
{
#pragma warning disable IDE1006 // PyTorch parameter names
    private readonly RMSNorm norm;
    private readonly MambaMixer mixer;
#pragma warning restore IDE1006

    /// <param name="name">Module name.</param>
    /// <param name="settings">Resolved mixer settings.</param>
    /// <param name="normEps">Epsilon of the block's RMSNorm.</param>
    /// <param name="kernel">Fused selective-scan kernel specialised to <c>settings.DState</c>.</param>
    /// <param name="scanPath">Which selective-scan implementation the mixer calls.</param>
    public MambaBlock(string name, MixerSettings settings, double normEps, SelectiveScanKernel kernel, ScanPath scanPath)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(settings);
        norm = new RMSNorm("norm", settings.DModel, normEps);
        mixer = new MambaMixer("mixer", settings, kernel, scanPath);
        RegisterComponents();
    }

    /// <summary>The block's mixer.</summary>
    public MambaMixer Mixer => mixer;

    /// <summary>The pre-norm applied before the mixer.</summary>
    public RMSNorm Norm => norm;

    /// <summary>Maps (B, L, d_model) to (B, L, d_model).</summary>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var output = input + mixer.call(norm.call(input));
        return output.MoveToOuterDisposeScope();
    }
}
