using ModelDsl.Kernels;
using static TorchSharp.torch;

namespace ModelDsl.Tests.Kernels;

/// <summary>
/// Float64 master copies of one case's scan inputs, plus random weights that turn the output into
/// a scalar loss <c>Σ out ⊙ weights</c>, so every output element gets a different gradient.
/// </summary>
public sealed record ScanTensors(
    Tensor X,
    Tensor DeltaPre,
    Tensor DeltaBias,
    Tensor ALog,
    Tensor B,
    Tensor C,
    Tensor D,
    Tensor Z,
    Tensor? G,
    Tensor OutputWeights)
{
    /// <summary>Names of the inputs in <see cref="ScanInputs"/> order, as in error messages.</summary>
    public static readonly string[] Names = ["x", "deltaPre", "deltaBias", "aLog", "b", "c", "d", "z", "g"];

    /// <summary>Returns fresh leaf copies of the inputs in <paramref name="dtype"/> that require grad.</summary>
    public ScanInputs ToLeaves(ScalarType dtype)
    {
        Tensor Leaf(Tensor tensor) => tensor.to_type(dtype).detach().requires_grad_(true);
        return new ScanInputs(
            Leaf(X), Leaf(DeltaPre), Leaf(DeltaBias), Leaf(ALog), Leaf(B), Leaf(C), Leaf(D), Leaf(Z), G is null ? null : Leaf(G));
    }

    /// <summary>Returns the inputs of <paramref name="inputs"/> in <see cref="Names"/> order, g possibly null.</summary>
    public static Tensor?[] Enumerate(ScanInputs inputs)
        => [inputs.X, inputs.DeltaPre, inputs.DeltaBias, inputs.ALog, inputs.B, inputs.C, inputs.D, inputs.Z, inputs.G];
}
