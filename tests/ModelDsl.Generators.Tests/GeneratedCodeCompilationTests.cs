using Microsoft.CodeAnalysis;
using ModelDsl.Generators.Tests.Infrastructure;

namespace ModelDsl.Generators.Tests;

/// <summary>Generated code compiles against the real runtime assemblies without errors or warnings.</summary>
public sealed class GeneratedCodeCompilationTests
{
    public static TheoryData<string> SampleNames => new(SampleDeclarations.All.Keys);

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void Sample_CompilesWithoutWarnings(string sampleName)
    {
        var output = GeneratorHarness.Run(SampleDeclarations.All[sampleName]);

        Assert.Empty(output.GeneratorDiagnostics);
        Assert.Empty(output.Diagnostics);
        var problems = output.OutputCompilation.GetDiagnostics()
            .Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning)
            .Select(diagnostic => diagnostic.ToString())
            .ToList();
        Assert.Empty(problems);
    }
}
