using ModelDsl.Kernels;
using ModelDsl.Kernels.Cpu;
using static TorchSharp.torch;

namespace ModelDsl.Tests.Kernels;

public sealed class ScanInputValidationTests
{
    private static readonly ScanCase Case = new(2, 5, 9, 4, ScanMode.Plain);

    [Fact]
    public void Forward_RejectsWrongRank()
    {
        var inputs = Float32Inputs() with { X = zeros(2, 5 * 9) };
        var error = Assert.Throws<ArgumentException>(() => Forward(inputs));
        Assert.Equal("x", error.ParamName);
        Assert.Contains("rank 2", error.Message);
    }

    [Fact]
    public void Forward_RejectsMismatchedLength()
    {
        var inputs = Float32Inputs() with { B = zeros(2, 6, 4) };
        var error = Assert.Throws<ArgumentException>(() => Forward(inputs));
        Assert.Equal("b", error.ParamName);
        Assert.Contains("(2, 5, 4)", error.Message);
        Assert.Contains("(2, 6, 4)", error.Message);
    }

    [Fact]
    public void Forward_RejectsWrongDState()
    {
        var inputs = Float32Inputs() with { ALog = zeros(9, 16) };
        var error = Assert.Throws<ArgumentException>(() => Forward(inputs));
        Assert.Equal("aLog", error.ParamName);
        Assert.Contains("(9, 4)", error.Message);
    }

    [Fact]
    public void Forward_RejectsFloat64()
    {
        var inputs = Float32Inputs() with { Z = zeros(2, 5, 9, dtype: float64) };
        var error = Assert.Throws<ArgumentException>(() => Forward(inputs));
        Assert.Equal("z", error.ParamName);
        Assert.Contains("Float64", error.Message);
    }

    [Fact]
    public void PlainKernel_RejectsG()
    {
        var inputs = Float32Inputs() with { G = zeros(2, 5, 9) };
        var error = Assert.Throws<ArgumentException>(() => Forward(inputs));
        Assert.Equal("g", error.ParamName);
    }

    [Fact]
    public void GateDeltaKernel_RequiresG()
    {
        var kernel = ScanKernels.Get(4, ScanMode.GateDelta);
        var error = Assert.Throws<ArgumentNullException>(() => kernel.Forward(new CpuScanBackend(), Float32Inputs()));
        Assert.Equal("g", error.ParamName);
    }

    [Fact]
    public void GateDeltaKernel_RejectsOtherVariant()
    {
        var kernel = ScanKernels.Get(4, ScanMode.GateDelta);
        var inputs = Float32Inputs() with { G = zeros(2, 5, 9) };
        var error = Assert.Throws<ArgumentException>(() => kernel.Forward(new CpuScanBackend(), inputs, GlobalSelectionVariant.AddToInput));
        Assert.Equal("variant", error.ParamName);
    }

    [Fact]
    public void Forward_AcceptsNonContiguousInputs()
    {
        using var scope = NewDisposeScope();
        var tensors = Case.CreateInputs(seed: 11);
        var kernel = ScanKernels.Get(Case.DState, Case.Mode);
        var contiguous = tensors.ToLeaves(float32);

        // The same values stored channels-first and viewed back as (B, L, E), so x is strided.
        var strided = contiguous with { X = contiguous.X.detach().transpose(1, 2).contiguous().transpose(1, 2) };
        Assert.False(strided.X.is_contiguous());

        var expected = kernel.Forward(new CpuScanBackend(), contiguous);
        var actual = kernel.Forward(new CpuScanBackend(), strided);
        Assert.True(actual.allclose(expected, rtol: 0, atol: 0), "A strided x changed the output.");
    }

    [Fact]
    public void Forward_WithoutGradMatchesReference()
    {
        using var scope = NewDisposeScope();
        var tensors = Case.CreateInputs(seed: 12);
        var kernel = ScanKernels.Get(Case.DState, Case.Mode);
        var inputs = Float32Inputs(tensors);

        var actual = kernel.Forward(new CpuScanBackend(), inputs);
        Assert.False(actual.requires_grad);
        ScanAgreement.AssertClose("output without grad", actual, ScanAgreement.RunReference(tensors.ToLeaves(float64), Case.Variant));
    }

    private static Tensor Forward(ScanInputs inputs) => ScanKernels.Get(Case.DState, Case.Mode).Forward(new CpuScanBackend(), inputs);

    private static ScanInputs Float32Inputs(ScanTensors? tensors = null)
    {
        var source = tensors ?? Case.CreateInputs(seed: 10);
        return new ScanInputs(
            source.X.to_type(float32), source.DeltaPre.to_type(float32), source.DeltaBias.to_type(float32),
            source.ALog.to_type(float32), source.B.to_type(float32), source.C.to_type(float32),
            source.D.to_type(float32), source.Z.to_type(float32), source.G?.to_type(float32));
    }
}
