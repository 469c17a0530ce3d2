using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
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

    [Fact]
    public void KeywordNames_AreEscaped()
    {
        var output = GeneratorHarness.Run("""
            using ModelDsl;

            namespace Samples.@event;

            public partial class @base
            {
                [MambaModel(VocabSize = 64, DModel = 16, Layers = 1)]
                public partial class @class;
            }
            """);

        Assert.Empty(output.Diagnostics);
        Assert.Empty(output.OutputCompilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning));
        Assert.NotNull(output.OutputCompilation.GetTypeByMetadataName("Samples.event.base+class"));
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void Sample_GeneratedFilesPassStrictChecks(string sampleName)
    {
        // Documentation checks (CS1591) and every warning wave, as a consumer with
        // GenerateDocumentationFile and the highest warning level would compile them.
        var compilation = GeneratorHarness.CreateCompilation(SampleDeclarations.All[sampleName]);
        var strict = compilation
            .WithOptions(compilation.Options.WithWarningLevel(9999))
            .RemoveAllSyntaxTrees()
            .AddSyntaxTrees(compilation.SyntaxTrees.Select(tree => tree.WithRootAndOptions(
                tree.GetRoot(),
                GeneratorHarness.ParseOptions.WithDocumentationMode(DocumentationMode.Diagnose))));
        var driver = CSharpGeneratorDriver.Create(
            new[] { new ModelGenerator().AsSourceGenerator() },
            parseOptions: GeneratorHarness.ParseOptions.WithDocumentationMode(DocumentationMode.Diagnose));

        driver.RunGeneratorsAndUpdateCompilation(strict, out var output, out _);

        var generatedTrees = output.SyntaxTrees.Except(strict.SyntaxTrees).ToHashSet();
        Assert.NotEmpty(generatedTrees);
        var problems = output.GetDiagnostics()
            .Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning)
            .Where(diagnostic => diagnostic.Location.SourceTree is { } tree && generatedTrees.Contains(tree))
            .Select(diagnostic => diagnostic.ToString())
            .ToList();
        Assert.Empty(problems);
    }
}
