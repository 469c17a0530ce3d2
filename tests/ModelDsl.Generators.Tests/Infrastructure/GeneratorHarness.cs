using System.Collections.Immutable;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ModelDsl.Generators.Tests.Infrastructure;

/// <summary>
/// Runs <see cref="ModelGenerator"/> on test sources, compiled against the .NET 10 reference
/// assemblies plus the real ModelDsl, TorchSharp and ILGPU assemblies.
/// </summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(CreateReferences);

    /// <summary>
    /// Warnings the .NET SDK suppresses in every build (its default NoWarn): CS1701 and CS1702 only
    /// report that TorchSharp, built for .NET 8, is bound to the .NET 10 reference assemblies.
    /// </summary>
    private static readonly ImmutableDictionary<string, ReportDiagnostic> SdkSuppressedWarnings =
        ImmutableDictionary<string, ReportDiagnostic>.Empty
            .Add("CS1701", ReportDiagnostic.Suppress)
            .Add("CS1702", ReportDiagnostic.Suppress);

    public static ImmutableArray<MetadataReference> References => LazyReferences.Value;

    /// <summary>Path given to the syntax tree of the source at <paramref name="index"/>.</summary>
    public static string SourcePath(int index) => $"/src/Declarations{index}.cs";

    public static SyntaxTree ParseSource(string source, int index)
        => CSharpSyntaxTree.ParseText(source, ParseOptions, SourcePath(index));

    public static CSharpCompilation CreateCompilation(params string[] sources)
    {
        var trees = sources.Select(ParseSource);
        return CSharpCompilation.Create(
            "ModelDsl.Declarations",
            trees,
            References,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                specificDiagnosticOptions: SdkSuppressedWarnings));
    }

    public static GeneratorDriver CreateDriver()
        => CSharpGeneratorDriver.Create(
            new[] { new ModelGenerator().AsSourceGenerator() },
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator once on <paramref name="sources"/>.</summary>
    public static GeneratorOutput Run(params string[] sources)
    {
        var compilation = CreateCompilation(sources);
        var driver = CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var outputCompilation, out var generatorDiagnostics);
        return new GeneratorOutput(driver.GetRunResult(), outputCompilation, generatorDiagnostics);
    }

    private static ImmutableArray<MetadataReference> CreateReferences()
    {
        var references = new List<MetadataReference>(Net100.References.All);
        foreach (var assembly in new[]
        {
            typeof(MambaModelAttribute).Assembly,
            typeof(TorchSharp.torch).Assembly,
            typeof(ILGPU.Context).Assembly,
        })
        {
            references.Add(MetadataReference.CreateFromFile(assembly.Location));
        }

        return references.ToImmutableArray();
    }
}
