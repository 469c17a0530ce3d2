using ModelDsl.Kernels;
using static TorchSharp.torch;

namespace ModelDsl.Tests.Kernels;

/// <summary>
/// Compares a fused scan backend with <see cref="ReferenceScan"/> run in float64, on the output and
/// on the gradient of every input. Any <see cref="IScanBackend"/> can be checked with the same cases.
/// </summary>
internal static class ScanAgreement
{
    /// <summary>Relative tolerance of float32 kernels against a float64 reference.</summary>
    public const double RelativeTolerance = 6e-4;

    /// <summary>Absolute tolerance of float32 kernels against a float64 reference.</summary>
    public const double AbsoluteTolerance = 2e-3;

    /// <summary>Asserts that <paramref name="backend"/> matches the reference on output and every gradient.</summary>
    public static void AssertMatchesReference(IScanBackend backend, ScanCase scanCase, long seed = 1234)
    {
        using var scope = NewDisposeScope();
        AssertMatchesReference(backend, scanCase, scanCase.CreateInputs(seed));
    }

    /// <summary>Asserts that <paramref name="backend"/> matches the reference on the given inputs of <paramref name="scanCase"/>'s shape.</summary>
    public static void AssertMatchesReference(IScanBackend backend, ScanCase scanCase, ScanTensors tensors)
    {
        using var scope = NewDisposeScope();
        var kernel = ScanKernels.Get(scanCase.DState, scanCase.Mode);

        var reference = tensors.ToLeaves(float64);
        var expected = RunReference(reference, scanCase.Variant);
        (expected * tensors.OutputWeights).sum().backward();

        var fused = tensors.ToLeaves(float32);
        var actual = kernel.Forward(backend, fused, scanCase.Variant);
        (actual * tensors.OutputWeights.to_type(float32)).sum().backward();

        AssertClose(scanCase + " output", actual, expected);
        var referenceLeaves = ScanTensors.Enumerate(reference);
        var fusedLeaves = ScanTensors.Enumerate(fused);
        for (var i = 0; i < ScanTensors.Names.Length; i++)
        {
            if (referenceLeaves[i] is null)
            {
                continue;
            }

            var gradient = fusedLeaves[i]!.grad;
            Assert.True(gradient is not null, $"{scanCase}: the fused scan produced no gradient for {ScanTensors.Names[i]}.");
            AssertClose($"{scanCase} gradient of {ScanTensors.Names[i]}", gradient!, referenceLeaves[i]!.grad!);
        }
    }

    /// <summary>Runs the reference scan on <paramref name="inputs"/>.</summary>
    public static Tensor RunReference(ScanInputs inputs, GlobalSelectionVariant variant)
        => ReferenceScan.Forward(inputs.X, inputs.DeltaPre, inputs.DeltaBias, inputs.ALog, inputs.B, inputs.C, inputs.D, inputs.Z, inputs.G, variant);

    /// <summary>
    /// Asserts <c>|actual − expected| ≤ atol + rtol·|expected|</c> element-wise and reports the worst
    /// element when it fails.
    /// </summary>
    public static void AssertClose(string what, Tensor actual, Tensor expected)
    {
        Assert.Equal(expected.shape, actual.shape);
        var actual64 = actual.detach().to_type(float64);
        var expected64 = expected.detach().to_type(float64);
        Assert.True(actual64.isfinite().all().item<bool>(), $"{what}: the result has non-finite values.");

        var excess = (actual64 - expected64).abs() - (AbsoluteTolerance + RelativeTolerance * expected64.abs());
        var worst = excess.argmax().item<long>();
        var worstExcess = excess.flatten()[worst].item<double>();
        if (worstExcess > 0)
        {
            Assert.Fail(
                $"{what}: element {worst} is {actual64.flatten()[worst].item<double>():G6} but the reference is "
                + $"{expected64.flatten()[worst].item<double>():G6} (rtol {RelativeTolerance}, atol {AbsoluteTolerance}).");
        }
    }
}
