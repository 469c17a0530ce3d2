using ModelDsl.Kernels;
using ModelDsl.Kernels.Ilgpu;
using static TorchSharp.torch;

namespace ModelDsl.Tests.Kernels;

/// <summary>
/// Memory handling, concurrency and input checks of <see cref="IlgpuScanBackend"/> on ILGPU's CPU
/// accelerator; <see cref="IlgpuScanAgreementTests"/> covers the numbers.
/// </summary>
public sealed class IlgpuScanBackendTests
{
    private static readonly IlgpuScanBackend Backend = IlgpuScanBackend.CreateCpu();

    [Fact]
    public void Forward_AcceptsNonContiguousInputs()
    {
        using var scope = NewDisposeScope();
        var scanCase = new ScanCase(Batch: 2, Length: 9, Channels: 3, DState: 4, Mode: ScanMode.Plain);
        var inputs = Float32Inputs(scanCase, seed: 5);
        var kernel = ScanKernels.Get(scanCase.DState, scanCase.Mode);
        var transposedX = inputs.X.transpose(0, 1).contiguous().transpose(0, 1);
        Assert.False(transposedX.is_contiguous());

        var (expected, _) = Backend.Forward(kernel, inputs);
        var (actual, _) = Backend.Forward(kernel, inputs with { X = transposedX });

        Assert.True(expected.eq(actual).all().item<bool>(), "A non-contiguous x changed the output.");
    }

    [Fact]
    public void Forward_ReadsContiguousViewWithOffset()
    {
        using var scope = NewDisposeScope();
        var scanCase = new ScanCase(Batch: 2, Length: 9, Channels: 3, DState: 4, Mode: ScanMode.Plain);
        var inputs = Float32Inputs(scanCase, seed: 5);
        var kernel = ScanKernels.Get(scanCase.DState, scanCase.Mode);
        var offsetX = cat([randn_like(inputs.X), inputs.X]).narrow(0, scanCase.Batch, scanCase.Batch);
        Assert.True(offsetX.is_contiguous());

        var (expected, _) = Backend.Forward(kernel, inputs);
        var (actual, _) = Backend.Forward(kernel, inputs with { X = offsetX });

        Assert.True(expected.eq(actual).all().item<bool>(), "A view of x with a storage offset changed the output.");
    }

    [Fact]
    public void Backend_CopyingTensorsMatchesWrapping()
    {
        using var scope = NewDisposeScope();
        var scanCase = new ScanCase(Batch: 3, Length: 17, Channels: 3, DState: 4, Mode: ScanMode.AddToInput);
        var inputs = Float32Inputs(scanCase, seed: 3);
        var kernel = ScanKernels.Get(scanCase.DState, scanCase.Mode);
        var outputGradient = randn(scanCase.Batch, scanCase.Length, scanCase.Channels);
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
    public void Forward_GivesSameOutputFromParallelCalls()
    {
        using var scope = NewDisposeScope();
        var scanCase = new ScanCase(Batch: 2, Length: 20, Channels: 3, DState: 16, Mode: ScanMode.GateDelta);
        var inputs = Float32Inputs(scanCase, seed: 11);
        var kernel = ScanKernels.Get(scanCase.DState, scanCase.Mode);
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
        var scanCase = new ScanCase(Batch: 1, Length: 3, Channels: 2, DState: 4, Mode: ScanMode.Plain);
        var inputs = Float32Inputs(scanCase, seed: 1) with { ALog = zeros(2, 5) };

        var error = Assert.Throws<ArgumentException>(() => Backend.Forward(ScanKernels.Get(4, ScanMode.Plain), inputs));

        Assert.Contains("ALog", error.Message);
        Assert.Contains("[2, 4]", error.Message);
        Assert.Contains("[2, 5]", error.Message);
    }

    [Fact]
    public void Forward_RejectsFloat64()
    {
        using var scope = NewDisposeScope();
        var scanCase = new ScanCase(Batch: 1, Length: 3, Channels: 2, DState: 4, Mode: ScanMode.Plain);
        var inputs = Float32Inputs(scanCase, seed: 1) with { Z = zeros(1, 3, 2, dtype: ScalarType.Float64) };

        var error = Assert.Throws<ArgumentException>(() => Backend.Forward(ScanKernels.Get(4, ScanMode.Plain), inputs));

        Assert.Contains("Z", error.Message);
        Assert.Contains("Float64", error.Message);
    }

    [Fact]
    public void Forward_RejectsMissingG()
    {
        using var scope = NewDisposeScope();
        var scanCase = new ScanCase(Batch: 1, Length: 3, Channels: 2, DState: 4, Mode: ScanMode.GateDelta);
        var inputs = Float32Inputs(scanCase, seed: 1) with { G = null };

        var error = Assert.Throws<ArgumentException>(() => Backend.Forward(ScanKernels.Get(4, ScanMode.GateDelta), inputs));

        Assert.Contains("ScanInputs.G is missing", error.Message);
    }

    [Fact]
    public void Forward_RejectsUnexpectedG()
    {
        using var scope = NewDisposeScope();
        var scanCase = new ScanCase(Batch: 1, Length: 3, Channels: 2, DState: 4, Mode: ScanMode.Plain);
        var inputs = Float32Inputs(scanCase, seed: 1) with { G = zeros(1, 3, 2) };

        var error = Assert.Throws<ArgumentException>(() => Backend.Forward(ScanKernels.Get(4, ScanMode.Plain), inputs));

        Assert.Contains("ScanInputs.G is set", error.Message);
    }

    [Fact]
    public void Backward_RejectsSavedStateOfOtherLength()
    {
        using var scope = NewDisposeScope();
        var scanCase = new ScanCase(Batch: 1, Length: 17, Channels: 2, DState: 4, Mode: ScanMode.Plain);
        var inputs = Float32Inputs(scanCase, seed: 1);

        var error = Assert.Throws<ArgumentException>(() => Backend.Backward(ScanKernels.Get(4, ScanMode.Plain), inputs, zeros(2, 4, 2), zeros(1, 17, 2)));

        Assert.Contains("saved", error.Message);
        Assert.Contains("[4, 4, 2]", error.Message);
    }

    [Fact]
    public void Forward_RejectsHandWrittenKernel()
    {
        using var scope = NewDisposeScope();
        var scanCase = new ScanCase(Batch: 1, Length: 3, Channels: 2, DState: 4, Mode: ScanMode.Plain);
        var inputs = Float32Inputs(scanCase, seed: 1);

        var error = Assert.Throws<NotSupportedException>(() => Backend.Forward(new HandWrittenKernel(), inputs));

        Assert.Contains(nameof(HandWrittenKernel), error.Message);
    }

    [Fact]
    public void Backend_NamesCpuAccelerator()
    {
        Assert.Equal("ilgpu-cpu", Backend.Name);
    }

    private static ScanInputs Float32Inputs(ScanCase scanCase, long seed)
    {
        var leaves = scanCase.CreateInputs(seed).ToLeaves(ScalarType.Float32);
        Tensor Detach(Tensor tensor) => tensor.detach();
        return new ScanInputs(
            Detach(leaves.X), Detach(leaves.DeltaPre), Detach(leaves.DeltaBias), Detach(leaves.ALog), Detach(leaves.B),
            Detach(leaves.C), Detach(leaves.D), Detach(leaves.Z), leaves.G is null ? null : Detach(leaves.G));
    }

    /// <summary>A kernel class that was not generated, so it has no ILGPU kernels.</summary>
    private sealed class HandWrittenKernel() : SelectiveScanKernel(dState: 4);
}
