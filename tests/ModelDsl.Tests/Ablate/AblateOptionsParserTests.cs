using ModelDsl.Ablate;
using ModelDsl.Ablate.Options;
using ModelDsl.Kernels;

namespace ModelDsl.Tests.Ablate;

public sealed class AblateOptionsParserTests
{
    [Fact]
    public void NoArgumentsGiveDefaults()
    {
        var options = AblateOptionsParser.Parse([]);

        Assert.Equal(AblatePreset.Default, options.Preset);
        Assert.Null(options.Steps);
        Assert.Null(options.Architectures);
        Assert.Equal(ScanPath.Fused, options.ScanPath);
        Assert.False(options.Resume);
    }

    [Fact]
    public void ValuesAreParsedInBothForms()
    {
        var options = AblateOptionsParser.Parse(["--preset=paper", "--steps", "50", "--seed=7", "--archs", "Mamba2L, MambaTiny", "--tasks=mqar", "--scan", "Reference", "--threads", "2", "--time-limit", "60", "--resume"]);

        Assert.Equal(AblatePreset.Paper, options.Preset);
        Assert.Equal(50, options.Steps);
        Assert.Equal(7, options.Seed);
        Assert.Equal(["Mamba2L", "MambaTiny"], options.Architectures);
        Assert.Equal(["mqar"], options.Tasks);
        Assert.Equal(ScanPath.Reference, options.ScanPath);
        Assert.Equal(2, options.Threads);
        Assert.Equal(60, options.TimeLimitSeconds);
        Assert.True(options.Resume);
    }

    [Theory]
    [InlineData("--resume", "--resume")]
    [InlineData("--out=a", "--out=b")]
    public void RepeatedOptionIsRejected(string first, string second)
    {
        var exception = Assert.Throws<AblateUsageException>(() => AblateOptionsParser.Parse([first, second]));
        Assert.Contains("is given more than once", exception.Message);
    }

    [Fact]
    public void NumericEnumValueIsRejected()
    {
        var exception = Assert.Throws<AblateUsageException>(() => AblateOptionsParser.Parse(["--scan", "1"]));
        Assert.Contains("must be one of fused, reference", exception.Message);
    }

    [Theory]
    [InlineData("auto", ScanBackendKind.Auto)]
    [InlineData("cpu-vectorised", ScanBackendKind.CpuVectorised)]
    [InlineData("ilgpu-cpu", ScanBackendKind.IlgpuCpu)]
    [InlineData("ilgpu-cuda", ScanBackendKind.IlgpuCuda)]
    public void BackendNamesAreParsed(string name, ScanBackendKind expected)
    {
        var options = AblateOptionsParser.Parse(["--backend", name]);

        Assert.Equal(expected, options.Backend);
    }

    [Fact]
    public void BackendDefaultsToEnvironmentChoice()
    {
        Assert.Null(AblateOptionsParser.Parse([]).Backend);
    }

    [Fact]
    public void UnknownBackendIsRejected()
    {
        var exception = Assert.Throws<AblateUsageException>(() => AblateOptionsParser.Parse(["--backend", "tpu"]));

        Assert.Contains("auto, cpu-vectorised, ilgpu-cpu, ilgpu-cuda", exception.Message);
        Assert.Contains("'tpu'", exception.Message);
    }
}
