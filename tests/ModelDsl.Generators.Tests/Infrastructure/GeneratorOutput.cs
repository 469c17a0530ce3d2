using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace ModelDsl.Generators.Tests.Infrastructure;

/// <summary>Result of one generator run: generated files, diagnostics and the compilation with the files added.</summary>
internal sealed record GeneratorOutput(
    GeneratorDriverRunResult RunResult,
    Compilation OutputCompilation,
    ImmutableArray<Diagnostic> GeneratorDiagnostics)
{
    /// <summary>Diagnostics the generator reported, ordered by position.</summary>
    public ImmutableArray<Diagnostic> Diagnostics => RunResult.Diagnostics
        .OrderBy(diagnostic => diagnostic.Location.SourceSpan.Start)
        .ThenBy(diagnostic => diagnostic.Id, StringComparer.Ordinal)
        .ToImmutableArray();

    /// <summary>Hint names of the generated files, in generation order.</summary>
    public IReadOnlyList<string> HintNames => RunResult.Results.SelectMany(result => result.GeneratedSources).Select(source => source.HintName).ToList();

    /// <summary>Source text of the generated file <paramref name="hintName"/>.</summary>
    public string Source(string hintName)
    {
        foreach (var source in RunResult.Results.SelectMany(result => result.GeneratedSources))
        {
            if (source.HintName == hintName)
            {
                return source.SourceText.ToString();
            }
        }

        throw new InvalidOperationException($"No generated file '{hintName}'; generated files: {string.Join(", ", HintNames)}.");
    }
}
