using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ModelDsl.Generators.Diagnostics;
using ModelDsl.Generators.Emitters;
using ModelDsl.Generators.Emitters.Kernels;
using ModelDsl.Generators.Model;
using ModelDsl.Generators.Parsing;

namespace ModelDsl.Generators;

/// <summary>
/// Generates a TorchSharp model class for every <c>[MambaModel]</c> and <c>[VariantOf]</c> declaration,
/// and one selective-scan kernel class per distinct kernel configuration of the compilation.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ModelGenerator : IIncrementalGenerator
{
    /// <summary>Tracking names of the pipeline steps, for incremental-caching tests.</summary>
    internal static class Steps
    {
        public const string ModelDeclarations = nameof(ModelDeclarations);
        public const string VariantDeclarations = nameof(VariantDeclarations);
        public const string Models = nameof(Models);
        public const string Diagnostics = nameof(Diagnostics);
        public const string UnattachedAttributes = nameof(UnattachedAttributes);
        public const string KernelSpecs = nameof(KernelSpecs);
        public const string DistinctKernelSpecs = nameof(DistinctKernelSpecs);
        public const string Kernels = nameof(Kernels);
    }

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var modelDeclarations = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                AttributeNames.MambaModel,
                static (node, _) => node is ClassDeclarationSyntax or RecordDeclarationSyntax,
                DeclarationParser.ParseModel)
            .WithTrackingName(Steps.ModelDeclarations);

        var variantDeclarations = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                AttributeNames.VariantOf,
                static (node, _) => node is ClassDeclarationSyntax or RecordDeclarationSyntax,
                DeclarationParser.ParseVariant)
            .WithTrackingName(Steps.VariantDeclarations);

        RegisterDeclarationOutputs(context, modelDeclarations, variantDeclarations);

        foreach (var attributeName in new[] { AttributeNames.MambaMixer, AttributeNames.Layer, AttributeNames.GlobalSelection })
        {
            var unattached = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    attributeName,
                    static (node, _) => node is ClassDeclarationSyntax or RecordDeclarationSyntax,
                    UnattachedAttributeCheck.Check)
                .Where(static diagnostics => diagnostics.Count > 0)
                .WithTrackingName(Steps.UnattachedAttributes);
            RegisterDiagnostics(context, unattached);
        }
    }

    private static void RegisterDiagnostics(IncrementalGeneratorInitializationContext context, IncrementalValuesProvider<EquatableArray<DiagnosticInfo>> diagnostics)
    {
        // The compilation only maps file paths back to syntax trees, so suppressions apply.
        context.RegisterSourceOutput(diagnostics.Combine(context.CompilationProvider), static (production, pair) =>
        {
            foreach (var diagnostic in pair.Left)
            {
                production.ReportDiagnostic(diagnostic.ToDiagnostic(pair.Right));
            }
        });
    }

    private static void RegisterDeclarationOutputs(
        IncrementalGeneratorInitializationContext context,
        IncrementalValuesProvider<DeclarationResult> modelDeclarations,
        IncrementalValuesProvider<DeclarationResult> variantDeclarations)
    {
        foreach (var declarations in new[] { modelDeclarations, variantDeclarations })
        {
            var diagnostics = declarations
                .Select(static (result, _) => result.Diagnostics)
                .Where(static diagnostics => diagnostics.Count > 0)
                .WithTrackingName(Steps.Diagnostics);
            RegisterDiagnostics(context, diagnostics);

            var models = declarations
                .Where(static result => result.Model is not null)
                .Select(static (result, _) => result.Model!)
                .WithTrackingName(Steps.Models);

            context.RegisterSourceOutput(models, static (production, model) =>
            {
                var (hintName, source) = ModelClassEmitter.Emit(model);
                production.AddSource(hintName, source);
            });
        }

        var modelKernels = modelDeclarations.Select(static (result, _) => KernelsOf(result.Model)).WithTrackingName(Steps.KernelSpecs);
        var variantKernels = variantDeclarations.Select(static (result, _) => KernelsOf(result.Model)).WithTrackingName(Steps.KernelSpecs);

        var distinctKernels = modelKernels.Collect()
            .Combine(variantKernels.Collect())
            .Select(static (pair, _) => Distinct(pair.Left, pair.Right))
            .WithTrackingName(Steps.DistinctKernelSpecs)
            .SelectMany(static (kernels, _) => kernels)
            .WithTrackingName(Steps.Kernels);

        context.RegisterSourceOutput(distinctKernels, static (production, spec) =>
        {
            var (hintName, source) = ScanKernelEmitter.Emit(spec);
            production.AddSource(hintName, source);
        });
    }

    private static EquatableArray<ScanKernelSpec> KernelsOf(ModelSpec? model)
    {
        var kernels = new List<ScanKernelSpec>();
        if (model is null)
        {
            return EquatableArray<ScanKernelSpec>.Empty;
        }

        foreach (var layer in model.Layers)
        {
            if (layer.Mixer is not null && !kernels.Contains(layer.Mixer.Kernel))
            {
                kernels.Add(layer.Mixer.Kernel);
            }
        }

        return kernels.ToEquatableArray();
    }

    /// <summary>Returns every kernel spec once, ordered by d_state and then mode, so output order is stable.</summary>
    private static EquatableArray<ScanKernelSpec> Distinct(
        ImmutableArray<EquatableArray<ScanKernelSpec>> fromModels,
        ImmutableArray<EquatableArray<ScanKernelSpec>> fromVariants)
    {
        var distinct = new HashSet<ScanKernelSpec>();
        foreach (var kernels in fromModels.AddRange(fromVariants))
        {
            foreach (var kernel in kernels)
            {
                distinct.Add(kernel);
            }
        }

        var ordered = new List<ScanKernelSpec>(distinct);
        ordered.Sort(static (left, right) => left.DState != right.DState
            ? left.DState.CompareTo(right.DState)
            : left.Mode.CompareTo(right.Mode));
        return ordered.ToEquatableArray();
    }
}
