using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ModelDsl.Modules;

/// <summary>Two-layer feed-forward network <c>fc2(GELU(fc1(x)))</c> with hidden width 4·d_model and biases.</summary>
public sealed class Mlp : nn.Module<Tensor, Tensor>
{
    /// <summary>Hidden width as a multiple of d_model.</summary>
    public const int HiddenMultiplier = 4;

#pragma warning disable IDE1006 // PyTorch parameter names
    private readonly Linear fc1;
    private readonly Linear fc2;
#pragma warning restore IDE1006

    /// <param name="name">Module name.</param>
    /// <param name="dModel">Input and output width d_model.</param>
    public Mlp(string name, int dModel)
        : base(name)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dModel);
        fc1 = nn.Linear(dModel, (long)HiddenMultiplier * dModel, hasBias: true);
        fc2 = nn.Linear((long)HiddenMultiplier * dModel, dModel, hasBias: true);
        RegisterComponents();

        // Single-layer reference initialisation, which MambaLanguageModel.InitializeParameters redraws.
        using var initializer = new ParameterInitializer(seed: null);
        ResetParameters(initializer, nLayers: 1);
    }

    /// <summary>Maps (..., d_model) to (..., d_model).</summary>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var output = fc2.call(nn.functional.gelu(fc1.call(input)));
        return output.MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Writes the reference initialisation: Kaiming-uniform weights, zero biases, and
    /// <c>fc2.weight</c> divided by <c>√n_layers</c> like a mixer's output projection.
    /// </summary>
    internal void ResetParameters(ParameterInitializer initializer, int nLayers)
    {
        initializer.LinearWithZeroBias(fc1);
        initializer.LinearWithZeroBias(fc2);
        using (no_grad())
        {
            fc2.weight.div_(Math.Sqrt(nLayers));
        }
    }
}
