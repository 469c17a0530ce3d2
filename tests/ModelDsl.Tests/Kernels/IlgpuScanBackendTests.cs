using ModelDsl.Kernels;
using ModelDsl.Kernels.Ilgpu;
using static TorchSharp.torch;

namespace ModelDsl.Tests.Kernels;

/// <summary>
/// Runs the generated ILGPU kernels on ILGPU's CPU accelerator and compares the output and every gradient
/// with <see cref="ReferenceScan"/> in float64 and autograd through it, within the fp32 tolerances of the
/// reference Mamba test-suite (rtol 6e-4, atol 2e-3).
/// </summary>
public sealed class IlgpuScanBackendTests
{
    private const double RelativeTolerance = 6e-4;
    private const double AbsoluteTolerance = 2e-3;

    private static readonly IlgpuScanBackend Backend = IlgpuScanBackend.CreateCpu();

    /// <summary>
    /// Covers L ∈ {1, 2, 3, 17, 128, 1000} (one chunk, several chunks, a ragged last chunk),
    /// d_state ∈ {1, 4, 16, 64}, batch ∈ {1, 3}, odd and even E, and each global selection mode.
    /// </summary>
    public static TheoryData<IlgpuScanTestCase> Cases => new()
    {
        new(Batch: 1, Length: 1, Channels: 3, DState: 1, Variant: null),
        new(Batch: 3, Length: 2, Channels: 4, DState: 4, Variant: GlobalSelectionVariant.GateDelta),
        new(Batch: 1, Length: 3, Channels: 5, DState: 16, Variant: GlobalSelectionVariant.AddToInput),
        new(Batch: 3, Length: 17, Channels: 2, DState: 4, Variant: null),
        new(Batch: 1, Length: 17, Channels: 3, DState: 64, Variant: GlobalSelectionVariant.AddToInput),
        new(Batch: 3, Length: 17, Channels: 5, DState: 1, Variant: GlobalSelectionVariant.GateDelta),
        new(Batch: 1, Length: 128, Channels: 3, DState: 16, Variant: GlobalSelectionVariant.GateDelta),
        new(Batch: 3, Length: 128, Channels: 2, DState: 64, Variant: null),
        new(Batch: 1, Length: 1000, Channels: 3, DState: 4, Variant: null),
        new(Batch: 1, Length: 1000, Channels: 2, DState: 16, Variant: GlobalSelectionVariant.AddToInput),
        new(Batch: 3, Length: 128, Channels: 4, DState: 4, Variant: GlobalSelectionVariant.AddToInput),
        new(Batch: 1, Length: 2, Channels: 1, DState: 64, Variant: GlobalSelectionVariant.GateDelta),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ForwardAndGradients_MatchReference(IlgpuScanTestCase testCase)
    {
        using var scope = NewDisposeScope();
        var inputs = testCase.CreateInputs(seed: 1234);
        var outputGradient = randn(testCase.Batch, testCase.Length, testCase.Channels, dtype: ScalarType.Float64, generator: new Generator().manual_seed(99));

        AssertMatchesReference(testCase, inputs, outputGradient);
    }

    [Theory]
    [InlineData(50.0)]
    [InlineData(-50.0)]
    public void SoftplusGuard_MatchesReference(double softplusInput)
    {
        using var scope = NewDisposeScope();
        foreach (GlobalSelectionVariant? variant in new GlobalSelectionVariant?[] { null, GlobalSelectionVariant.AddToInput })
        {
            var testCase = new IlgpuScanTestCase(Batch: 2, Length: 5, Channels: 3, DState: 4, Variant: variant);
            var inputs = testCase.CreateInputs(seed: 7);

            // δ_pre + b_dt = ±50 everywhere: far above the pass-through threshold 20, or deep in the exp tail.
            var guarded = inputs with { DeltaPre = full_like(inputs.X, softplusInput) - inputs.DeltaBias };
            var outputGradient = randn_like(inputs.X);

            AssertMatchesReference(testCase, guarded, outputGradient);
        }
    }

    [Fact]
    public void Forward_AcceptsNonContiguousInputs()
    {
        using var scope = NewDisposeScope();
        var testCase = new IlgpuScanTestCase(Batch: 2, Length: 9, Channels: 3, DState: 4, Variant: null);
        var inputs = testCase.CreateInputs(seed: 5).To(ScalarType.Float32);
        var kernel = IlgpuGeneratedKernels.Get(testCase.KernelClassName);
        var transposedX = inputs.X.transpose(0, 1).contiguous().transpose(0, 1);
        Assert.False(transposedX.is_contiguous());

        var (expected, _) = Backend.Forward(kernel, inputs.ToScanInputs());
        var (actual, _) = Backend.Forward(kernel, (inputs with { X = transposedX }).ToScanInputs());

        Assert.True(expected.eq(actual).all().item<bool>(), "A non-contiguous x changed the output.");
    }

    [Fact]
    public void Backend_CopyingTensorsMatchesWrapping()
    {
        using var scope = NewDisposeScope();
        var testCase = new IlgpuScanTestCase(Batch: 3, Length: 17, Channels: 3, DState: 4, Variant: GlobalSelectionVariant.AddToInput);
        var inputs = testCase.CreateInputs(seed: 3).To(ScalarType.Float32).ToScanInputs();
        var kernel = IlgpuGeneratedKernels.Get(testCase.KernelClassName);
        var outputGradient = randn_like(inputs.X);
        var copying = new IlgpuScanBackend(IlgpuRuntime.CpuAccelerator, forceCopies: true);

        var (expectedOutput, expectedSaved) = Backend.Forward(kernel, inputs);
        var (output, saved) = copying.Forward(kernel, inputs);
        var expectedGradients = Backend.Backward(kernel, inputs, expectedSaved, outputGradient);
        var gradients = copying.Backward(kernel, inputs, saved, outputGradient);

        Assert.True(expectedOutput.eq(output).all().item<bool>(), "The output differs when tensors are copied.");
        Assert.True(expectedSaved.eq(saved).all().item<bool>(), "The saved chunk states differ when tensors are copied.");
        Assert.True(expectedGradients.X.allclose(gradients.X), "The gradient of x differs when tensors are copied.");
        Assert.True(expectedGradients.B.allclose(gradients.B), "The gradient of B differs when tensors are copied.");
        Assert.True(expectedGradients.ALog.allclose(gradients.ALog), "The gradient of A_log differs when tensors are copied.");
        Assert.True(expectedGradients.G!.allclose(gradients.G!), "The gradient of g differs when tensors are copied.");
    }

    [Fact]
    public void Forward_ReadsContiguousViewWithOffset()
    {
        using var scope = NewDisposeScope();
        var testCase = new IlgpuScanTestCase(Batch: 2, Length: 9, Channels: 3, DState: 4, Variant: null);
        var inputs = testCase.CreateInputs(seed: 5).To(ScalarType.Float32);
        var kernel = IlgpuGeneratedKernels.Get(testCase.KernelClassName);
        var offsetX = cat([randn_like(inputs.X), inputs.X]).narrow(0, testCase.Batch, testCase.Batch);
        Assert.True(offsetX.is_contiguous());

        var (expected, _) = Backend.Forward(kernel, inputs.ToScanInputs());
        var (actual, _) = Backend.Forward(kernel, (inputs with { X = offsetX }).ToScanInputs());

        Assert.True(expected.eq(actual).all().item<bool>(), "A view of x with a storage offset changed the output.");
    }

    [Fact]
    public void Forward_GivesSameOutputFromParallelCalls()
    {
        using var scope = NewDisposeScope();
        var testCase = new IlgpuScanTestCase(Batch: 2, Length: 20, Channels: 3, DState: 16, Variant: GlobalSelectionVariant.GateDelta);
        var inputs = testCase.CreateInputs(seed: 11).To(ScalarType.Float32).ToScanInputs();
        var kernel = IlgpuGeneratedKernels.Get(testCase.KernelClassName);
        var (expected, _) = Backend.Forward(kernel, inputs);

        var outputs = new Tensor[4];
        Parallel.For(0, outputs.Length, i => outputs[i] = Backend.Forward(kernel, inputs).Output);

        foreach (var output in outputs)
        {
            Assert.True(expected.eq(output).all().item<bool>(), "A forward call running in parallel with others changed the output.");
        }
    }

    [Fact]
    public void Forward_RejectsWrongALogShape()
    {
        using var scope = NewDisposeScope();
        var testCase = new IlgpuScanTestCase(Batch: 1, Length: 3, Channels: 2, DState: 4, Variant: null);
        var inputs = testCase.CreateInputs(seed: 1).To(ScalarType.Float32);
        var wrong = inputs with { ALog = zeros(2, 5) };

        var error = Assert.Throws<ArgumentException>(() => Backend.Forward(IlgpuGeneratedKernels.Get(testCase.KernelClassName), wrong.ToScanInputs()));

        Assert.Contains("ALog", error.Message);
        Assert.Contains("[2, 4]", error.Message);
        Assert.Contains("[2, 5]", error.Message);
    }

    [Fact]
    public void Forward_RejectsFloat64()
    {
        using var scope = NewDisposeScope();
        var testCase = new IlgpuScanTestCase(Batch: 1, Length: 3, Channels: 2, DState: 4, Variant: null);
        var inputs = testCase.CreateInputs(seed: 1).To(ScalarType.Float32) with { Z = zeros(1, 3, 2, dtype: ScalarType.Float64) };

        var error = Assert.Throws<ArgumentException>(() => Backend.Forward(IlgpuGeneratedKernels.Get(testCase.KernelClassName), inputs.ToScanInputs()));

        Assert.Contains("Z", error.Message);
        Assert.Contains("Float64", error.Message);
    }

    [Fact]
    public void Forward_RejectsMissingG()
    {
        using var scope = NewDisposeScope();
        var testCase = new IlgpuScanTestCase(Batch: 1, Length: 3, Channels: 2, DState: 4, Variant: GlobalSelectionVariant.GateDelta);
        var inputs = testCase.CreateInputs(seed: 1).To(ScalarType.Float32) with { G = null };

        var error = Assert.Throws<ArgumentException>(() => Backend.Forward(IlgpuGeneratedKernels.Get(testCase.KernelClassName), inputs.ToScanInputs()));

        Assert.Contains("ScanInputs.G is missing", error.Message);
    }

    [Fact]
    public void Forward_RejectsUnexpectedG()
    {
        using var scope = NewDisposeScope();
        var testCase = new IlgpuScanTestCase(Batch: 1, Length: 3, Channels: 2, DState: 4, Variant: null);
        var inputs = testCase.CreateInputs(seed: 1).To(ScalarType.Float32) with { G = zeros(1, 3, 2) };

        var error = Assert.Throws<ArgumentException>(() => Backend.Forward(IlgpuGeneratedKernels.Get(testCase.KernelClassName), inputs.ToScanInputs()));

        Assert.Contains("ScanInputs.G is set", error.Message);
    }

    [Fact]
    public void Backward_RejectsSavedStateOfOtherLength()
    {
        using var scope = NewDisposeScope();
        var testCase = new IlgpuScanTestCase(Batch: 1, Length: 17, Channels: 2, DState: 4, Variant: null);
        var kernel = IlgpuGeneratedKernels.Get(testCase.KernelClassName);
        var inputs = testCase.CreateInputs(seed: 1).To(ScalarType.Float32).ToScanInputs();

        var error = Assert.Throws<ArgumentException>(() => Backend.Backward(kernel, inputs, zeros(2, 4, 2), zeros(1, 17, 2)));

        Assert.Contains("saved", error.Message);
        Assert.Contains("[4, 4, 2]", error.Message);
    }

    [Fact]
    public void Forward_RejectsHandWrittenKernel()
    {
        using var scope = NewDisposeScope();
        var testCase = new IlgpuScanTestCase(Batch: 1, Length: 3, Channels: 2, DState: 4, Variant: null);
        var inputs = testCase.CreateInputs(seed: 1).To(ScalarType.Float32).ToScanInputs();

        var error = Assert.Throws<NotSupportedException>(() => Backend.Forward(new HandWrittenKernel(), inputs));

        Assert.Contains(nameof(HandWrittenKernel), error.Message);
    }

    [Fact]
    public void Backend_NamesCpuAccelerator()
    {
        Assert.Equal("ilgpu-cpu", Backend.Name);
    }

    private static void AssertMatchesReference(IlgpuScanTestCase testCase, ScanInputsData inputs, Tensor outputGradient)
    {
        var kernel = IlgpuGeneratedKernels.Get(testCase.KernelClassName);

        var leaves = inputs.To(ScalarType.Float64, requiresGrad: true);
        var expected = ReferenceScan.Forward(
            leaves.X, leaves.DeltaPre, leaves.DeltaBias, leaves.ALog, leaves.B, leaves.C, leaves.D, leaves.Z,
            leaves.G, testCase.Variant ?? GlobalSelectionVariant.GateDelta);
        expected.backward([outputGradient]);

        var floatInputs = inputs.To(ScalarType.Float32).ToScanInputs();
        var (output, saved) = Backend.Forward(kernel, floatInputs);
        var gradients = Backend.Backward(kernel, floatInputs, saved, outputGradient.to(ScalarType.Float32));

        AssertClose(expected, output, $"{testCase}: output");
        var actualGradients = new Dictionary<string, Tensor?>
        {
            ["X"] = gradients.X,
            ["DeltaPre"] = gradients.DeltaPre,
            ["DeltaBias"] = gradients.DeltaBias,
            ["ALog"] = gradients.ALog,
            ["B"] = gradients.B,
            ["C"] = gradients.C,
            ["D"] = gradients.D,
            ["Z"] = gradients.Z,
            ["G"] = gradients.G,
        };
        foreach (var (name, leaf) in leaves.Named())
        {
            var actual = actualGradients[name];
            Assert.True(actual is not null, $"{testCase}: the kernel returned no gradient of {name}.");
            AssertClose(leaf.grad!, actual, $"{testCase}: gradient of {name}");
        }

        if (testCase.Variant is null)
        {
            Assert.Null(gradients.G);
        }
    }

    /// <summary>Asserts <c>|actual − expected| ≤ atol + rtol·|expected|</c> elementwise, reporting the worst element.</summary>
    private static void AssertClose(Tensor expected, Tensor actual, string what)
    {
        Assert.Equal(expected.shape, actual.shape);
        var expected64 = expected.detach().to(ScalarType.Float64);
        var error = (actual.to(ScalarType.Float64) - expected64).abs();
        var excess = error - (AbsoluteTolerance + RelativeTolerance * expected64.abs());
        var worst = excess.flatten().argmax().item<long>();
        var worstExcess = excess.flatten()[worst].item<double>();
        Assert.True(
            worstExcess <= 0,
            $"{what} differs from the reference by {error.flatten()[worst].item<double>():G4} at flat index {worst} " +
            $"(expected {expected64.flatten()[worst].item<double>():G6}, actual {actual.flatten()[worst].to(ScalarType.Float64).item<double>():G6}).");
    }

    /// <summary>A kernel class that was not generated, so it has no ILGPU kernels.</summary>
    private sealed class HandWrittenKernel() : SelectiveScanKernel(dState: 4);
}
