using ModelDsl.Kernels;
using static TorchSharp.torch;

namespace ModelDsl.Tests.Kernels;

/// <summary>Scan inputs in one dtype, convertible to the kernel's <see cref="ScanInputs"/> and to autograd leaves.</summary>
public sealed record ScanInputsData(
    Tensor X, Tensor DeltaPre, Tensor DeltaBias, Tensor ALog, Tensor B, Tensor C, Tensor D, Tensor Z, Tensor? G)
{
    /// <summary>The tensors in <see cref="ScanInputs"/> order, without a missing g.</summary>
    public IEnumerable<(string Name, Tensor Tensor)> Named()
    {
        yield return ("X", X);
        yield return ("DeltaPre", DeltaPre);
        yield return ("DeltaBias", DeltaBias);
        yield return ("ALog", ALog);
        yield return ("B", B);
        yield return ("C", C);
        yield return ("D", D);
        yield return ("Z", Z);
        if (G is not null)
        {
            yield return ("G", G);
        }
    }

    /// <summary>Returns copies converted to <paramref name="dtype"/>, optionally as autograd leaves.</summary>
    public ScanInputsData To(ScalarType dtype, bool requiresGrad = false)
    {
        Tensor Convert(Tensor tensor) => tensor.to(dtype).detach().requires_grad_(requiresGrad);
        return new ScanInputsData(
            Convert(X), Convert(DeltaPre), Convert(DeltaBias), Convert(ALog), Convert(B), Convert(C), Convert(D), Convert(Z),
            G is null ? null : Convert(G));
    }

    /// <summary>Returns these tensors as kernel inputs.</summary>
    public ScanInputs ToScanInputs() => new(X, DeltaPre, DeltaBias, ALog, B, C, D, Z, G);
}
