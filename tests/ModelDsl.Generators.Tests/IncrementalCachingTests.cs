using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;
using ModelDsl.Generators.Tests.Infrastructure;

namespace ModelDsl.Generators.Tests;

/// <summary>
/// An edit that does not touch any declaration must leave every tracked pipeline step cached, and
/// no pipeline model may hold symbols, syntax or compilations (they would defeat the cache and
/// keep old compilations alive).
/// </summary>
public sealed class IncrementalCachingTests
{
    private static readonly string[] TrackedStepNames =
    {
        ModelGenerator.Steps.ModelDeclarations,
        ModelGenerator.Steps.VariantDeclarations,
        ModelGenerator.Steps.Models,
        ModelGenerator.Steps.Diagnostics,
        ModelGenerator.Steps.UnattachedAttributes,
        ModelGenerator.Steps.KernelSpecs,
        ModelGenerator.Steps.DistinctKernelSpecs,
        ModelGenerator.Steps.Kernels,
    };

    private const string Declarations = SampleDeclarations.AddToInputVariant + "\n" + """
        [MambaModel(VocabSize = 64, DModel = 16, Layers = 2)]
        [Layer(1, LayerKind.Mlp)]
        [MambaMixer(Layers = new[] { 1 }, DState = 8)]
        public partial class WithWarning;

        [MambaMixer(DState = 8)]
        public partial class Unattached;
        """;

    private const string Unrelated = """
        namespace Elsewhere;

        public static class Helpers
        {
            public static int Twice(int value) => 2 * value;
        }
        """;

    [Fact]
    public void AddedUnrelatedFile_LeavesStepsCached()
    {
        var compilation = GeneratorHarness.CreateCompilation(Declarations);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);

        var edited = compilation.AddSyntaxTrees(GeneratorHarness.ParseSource(Unrelated, 1));
        driver = driver.RunGenerators(edited);

        AssertAllTrackedStepsCached(driver.GetRunResult());
    }

    [Fact]
    public void EditedUnrelatedFile_LeavesStepsCached()
    {
        var compilation = GeneratorHarness.CreateCompilation(Declarations, Unrelated);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);

        var oldTree = compilation.SyntaxTrees.Last();
        var newTree = GeneratorHarness.ParseSource(Unrelated.Replace("2 * value", "value + value"), 1);
        driver = driver.RunGenerators(compilation.ReplaceSyntaxTree(oldTree, newTree));

        AssertAllTrackedStepsCached(driver.GetRunResult());
    }

    [Fact]
    public void EditedDeclaration_RegeneratesThatModel()
    {
        var compilation = GeneratorHarness.CreateCompilation(Declarations);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);

        var oldTree = compilation.SyntaxTrees.Single();
        var newTree = GeneratorHarness.ParseSource(Declarations.Replace("Layers = 2)]\n[GlobalSelection]", "Layers = 3)]\n[GlobalSelection]"), 0);
        driver = driver.RunGenerators(compilation.ReplaceSyntaxTree(oldTree, newTree));

        var steps = driver.GetRunResult().Results.Single().TrackedSteps[ModelGenerator.Steps.ModelDeclarations];
        Assert.Contains(steps.SelectMany(step => step.Outputs), output => output.Reason == IncrementalStepRunReason.Modified);
    }

    [Fact]
    public void EditedWidth_LeavesKernelsCached()
    {
        var compilation = GeneratorHarness.CreateCompilation(Declarations);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);

        var oldTree = compilation.SyntaxTrees.Single();
        var newTree = GeneratorHarness.ParseSource(Declarations.Replace("DModel = 32", "DModel = 48"), 0);
        driver = driver.RunGenerators(compilation.ReplaceSyntaxTree(oldTree, newTree));

        var result = driver.GetRunResult().Results.Single();
        Assert.Contains(
            result.TrackedSteps[ModelGenerator.Steps.Models].SelectMany(step => step.Outputs),
            output => output.Reason == IncrementalStepRunReason.Modified);
        foreach (var (_, reason) in result.TrackedSteps[ModelGenerator.Steps.Kernels].SelectMany(step => step.Outputs))
        {
            Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"Kernel output was {reason}.");
        }
    }

    [Fact]
    public void EditedBase_RegeneratesVariantInOtherFile()
    {
        const string baseFile = """
            using ModelDsl;

            namespace Samples;

            [MambaModel(VocabSize = 64, DModel = 16, Layers = 2)]
            public partial class Base;
            """;
        const string variantFile = """
            using ModelDsl;

            namespace Samples;

            [VariantOf(typeof(Base))]
            [GlobalSelection]
            public partial class BaseGs;
            """;
        var compilation = GeneratorHarness.CreateCompilation(baseFile, variantFile);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);

        var oldTree = compilation.SyntaxTrees.First();
        var newTree = GeneratorHarness.ParseSource(baseFile.Replace("Layers = 2", "Layers = 3"), 0);
        driver = driver.RunGenerators(compilation.ReplaceSyntaxTree(oldTree, newTree));

        var variant = driver.GetRunResult().Results.Single().GeneratedSources
            .Single(source => source.HintName == "Samples.BaseGs.g.cs")
            .SourceText.ToString();
        Assert.Contains("public const int NLayers = 3;", variant, StringComparison.Ordinal);
    }

    [Fact]
    public void PipelineModels_HoldNoSymbolsSyntaxOrCompilation()
    {
        var compilation = GeneratorHarness.CreateCompilation(Declarations);

        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);

        var result = driver.GetRunResult().Results.Single();
        var walked = 0;
        foreach (var name in TrackedStepNames)
        {
            foreach (var output in result.TrackedSteps[name].SelectMany(step => step.Outputs))
            {
                walked += AssertHoldsNoCompilerObjects(output.Value, name);
            }
        }

        Assert.True(walked > 20, $"The walk visited only {walked} objects; the pipeline produced less than expected.");
    }

    private static void AssertAllTrackedStepsCached(GeneratorDriverRunResult runResult)
    {
        var result = runResult.Results.Single();
        foreach (var name in TrackedStepNames)
        {
            Assert.True(result.TrackedSteps.ContainsKey(name), $"Step '{name}' was not tracked.");
            foreach (var step in result.TrackedSteps[name])
            {
                foreach (var (_, reason) in step.Outputs)
                {
                    Assert.True(
                        reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                        $"Step '{name}' output was {reason}, expected Cached or Unchanged.");
                }
            }
        }
    }

    /// <summary>Walks every field reachable from <paramref name="root"/>; returns how many objects it visited.</summary>
    private static int AssertHoldsNoCompilerObjects(object? root, string stepName)
    {
        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<(object? Value, string Path)>();
        pending.Push((root, stepName));
        var count = 0;

        while (pending.Count > 0)
        {
            var (value, path) = pending.Pop();
            if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || value is decimal)
            {
                continue;
            }

            Assert.False(
                value is ISymbol or SyntaxNode or SyntaxTree or Compilation or SemanticModel or Location or AttributeData,
                $"{path} holds a {value.GetType().Name}; pipeline models must hold plain values only.");

            if (!value.GetType().IsValueType && !visited.Add(value))
            {
                continue;
            }

            count++;
            if (value is IEnumerable sequence)
            {
                var index = 0;
                foreach (var item in sequence)
                {
                    pending.Push((item, $"{path}[{index++}]"));
                }

                continue;
            }

            for (var type = value.GetType(); type is not null; type = type.BaseType)
            {
                foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                {
                    pending.Push((field.GetValue(value), path + "." + field.Name));
                }
            }
        }

        return count;
    }
}
