using static TorchSharp.torch;

namespace ModelDsl.Modules;

/// <summary>Pre-norm residual block around an MLP: <c>h + fc2(GELU(fc1(RMSNorm(h))))</c>.</summary>
public sealed class MlpBlock : nn.Module<Tensor, Tensor>
{
#pragma warning disable IDE1006 // PyTorch parameter names
    private readonly RMSNorm norm;
    private readonly Mlp mixer;
#pragma warning restore IDE1006

    /// <param name="name">Module name.</param>
    /// <param name="dModel">Residual width d_model.</param>
    /// <param name="normEps">Epsilon of the block's RMSNorm.</param>
    public MlpBlock(string name, int dModel, double normEps)
        : base(name)
    {
        norm = new RMSNorm("norm", dModel, normEps);
        mixer = new Mlp("mixer", dModel);
        RegisterComponents();
    }

    /// <summary>The block's feed-forward network.</summary>
    public Mlp Mixer => mixer;

    /// <summary>Maps (B, L, d_model) to (B, L, d_model).</summary>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var output = input + mixer.call(norm.call(input));
        return output.MoveToOuterDisposeScope();
    }
}
