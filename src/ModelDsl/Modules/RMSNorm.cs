using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ModelDsl.Modules;

/// <summary>
/// Root-mean-square layer normalisation over the last dimension:
/// <c>y = x / sqrt(mean(x²) + eps) ⊙ weight</c>, with no mean subtraction and no bias.
/// </summary>
public sealed class RMSNorm : nn.Module<Tensor, Tensor>
{
    private readonly Parameter weight;
    private readonly double eps;

    /// <param name="name">Module name.</param>
    /// <param name="dim">Size of the normalised (last) dimension.</param>
    /// <param name="eps">Positive term added to the mean square before the square root.</param>
    public RMSNorm(string name, long dim, double eps)
        : base(name)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dim);
        if (!(eps > 0) || double.IsInfinity(eps))
        {
            throw new ArgumentOutOfRangeException(nameof(eps), eps, "RMSNorm eps must be a finite positive number, such as 1e-5.");
        }

        this.eps = eps;
        weight = new Parameter(ones(dim));
        RegisterComponents();
    }

    /// <summary>Scale applied after normalisation, (dim), initialised to ones.</summary>
    public Parameter Weight => weight;

    /// <summary>Size of the normalised dimension.</summary>
    public long Dim => weight.shape[0];

    /// <inheritdoc/>
    public override Tensor forward(Tensor input)
    {
        if (input.shape.Length == 0 || input.shape[^1] != Dim)
        {
            throw new ArgumentException(
                $"RMSNorm '{GetName()}' expects a last dimension of {Dim}, got shape [{string.Join(", ", input.shape)}].",
                nameof(input));
        }

        using var scope = NewDisposeScope();
        var meanSquare = input.square().mean([-1], keepdim: true);
        var output = input * (meanSquare + eps).rsqrt() * weight;
        return output.MoveToOuterDisposeScope();
    }

    /// <summary>Resets the scale to ones.</summary>
    internal void ResetParameters(ParameterInitializer initializer) => initializer.Fill(weight, 1.0);
}
