using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ModelDsl.Generators.Diagnostics;
using ModelDsl.Generators.Model;

namespace ModelDsl.Generators.Parsing;

/// <summary>
/// Turns an attributed class into a <see cref="DeclarationResult"/>: checks the class's shape,
/// follows <c>[VariantOf]</c> to the declaration it starts from and resolves the settings.
/// </summary>
internal static class DeclarationParser
{
    /// <summary>Transform of a class with <c>[MambaModel]</c>.</summary>
    public static DeclarationResult ParseModel(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        => Parse(context, isVariantPipeline: false, cancellationToken);

    /// <summary>Transform of a class with <c>[VariantOf]</c>.</summary>
    public static DeclarationResult ParseVariant(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        => Parse(context, isVariantPipeline: true, cancellationToken);

    private static DeclarationResult Parse(GeneratorAttributeSyntaxContext context, bool isVariantPipeline, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol symbol)
        {
            return DeclarationResult.None;
        }

        if (context.TargetNode is RecordDeclarationSyntax record)
        {
            // Record structs are not reported: the attributes' usage already rejects structs.
            return symbol.TypeKind != TypeKind.Class
                ? DeclarationResult.None
                : ReportOnly(DiagnosticDescriptors.RecordDeclared, LocationInfo.From(record.Identifier), symbol.Name, isVariantPipeline, symbol);
        }

        if (context.TargetNode is not ClassDeclarationSyntax syntax)
        {
            return DeclarationResult.None;
        }

        var own = DeclarationAttributes.Read(symbol, relocation: null, cancellationToken);
        var diagnostics = new DiagnosticBag();

        // A class with both attributes reaches both pipelines; only the model pipeline reports it.
        if (own.Model is not null && own.VariantOf is not null)
        {
            if (!isVariantPipeline)
            {
                diagnostics.Add(DiagnosticDescriptors.ModelAndVariantConflict, own.VariantOf.Location, symbol.Name);
            }

            return new DeclarationResult(null, diagnostics.ToEquatableArray());
        }

        CheckShape(symbol, syntax, diagnostics);

        var chain = own.VariantOf is null ? new List<DeclarationAttributes> { own } : FollowVariantChain(own, diagnostics, cancellationToken);
        if (chain is null || diagnostics.HasErrors)
        {
            return new DeclarationResult(null, diagnostics.ToEquatableArray());
        }

        // A variant of an invalid declaration is not generated; the base reports its own errors.
        if (chain.Count > 1 && SettingsResolver.Resolve(chain.GetRange(0, chain.Count - 1), new DiagnosticBag(), cancellationToken) is null)
        {
            return new DeclarationResult(null, diagnostics.ToEquatableArray());
        }

        var resolved = SettingsResolver.Resolve(chain, diagnostics, cancellationToken);
        if (resolved is null || diagnostics.HasErrors)
        {
            return new DeclarationResult(null, diagnostics.ToEquatableArray());
        }

        var model = new ModelSpec(
            Namespace: symbol.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : "",
            ContainingTypes: DescribeContainingTypes(symbol),
            ClassName: symbol.Name,
            VariantOf: chain.Count > 1 ? chain[chain.Count - 2].Symbol.ToDisplayString() : null,
            VocabSize: resolved.VocabSize,
            DModel: resolved.DModel,
            TieEmbeddings: resolved.TieEmbeddings,
            NormEps: resolved.NormEps,
            Layers: resolved.Layers);
        return new DeclarationResult(model, diagnostics.ToEquatableArray());
    }

    /// <summary>
    /// Returns a result with one diagnostic. A class with both attributes reaches both pipelines,
    /// so the variant pipeline stays silent for it and the diagnostic is reported once.
    /// </summary>
    private static DeclarationResult ReportOnly(
        DiagnosticDescriptor descriptor,
        LocationInfo location,
        string argument,
        bool isVariantPipeline,
        INamedTypeSymbol symbol)
    {
        if (isVariantPipeline && HasAttribute(symbol, AttributeNames.MambaModel))
        {
            return DeclarationResult.None;
        }

        var diagnostics = new DiagnosticBag();
        diagnostics.Add(descriptor, location, argument);
        return new DeclarationResult(null, diagnostics.ToEquatableArray());
    }

    private static bool HasAttribute(INamedTypeSymbol symbol, string metadataName)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass?.ToDisplayString() == metadataName)
            {
                return true;
            }
        }

        return false;
    }

    private static void CheckShape(INamedTypeSymbol symbol, ClassDeclarationSyntax syntax, DiagnosticBag diagnostics)
    {
        var identifier = LocationInfo.From(syntax.Identifier);

        if (!syntax.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            diagnostics.Add(DiagnosticDescriptors.ClassNotPartial, identifier, symbol.Name);
        }

        if (symbol.TypeParameters.Length > 0)
        {
            diagnostics.Add(DiagnosticDescriptors.ClassGeneric, identifier, symbol.Name);
        }

        for (var containing = symbol.ContainingType; containing is not null; containing = containing.ContainingType)
        {
            if (!IsPartial(containing))
            {
                diagnostics.Add(DiagnosticDescriptors.ContainingTypeNotPartial, identifier, symbol.Name, containing.Name);
            }
        }

        var baseType = symbol.BaseType;
        if (baseType is not null
            && baseType.SpecialType != SpecialType.System_Object
            && baseType.TypeKind != TypeKind.Error
            && baseType.ToDisplayString() != AttributeNames.LanguageModelBase)
        {
            diagnostics.Add(DiagnosticDescriptors.BaseClassDeclared, identifier, symbol.Name, baseType.ToDisplayString());
        }
    }

    private static bool IsPartial(INamedTypeSymbol type)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is TypeDeclarationSyntax declaration && declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Returns the declarations from the one with <c>[MambaModel]</c> to <paramref name="own"/>, or
    /// <c>null</c> after reporting a cycle or a base without a declaration. A base whose type does not
    /// resolve yields <c>null</c> silently, because the compiler already reports it.
    /// </summary>
    private static List<DeclarationAttributes>? FollowVariantChain(
        DeclarationAttributes own,
        DiagnosticBag diagnostics,
        CancellationToken cancellationToken)
    {
        var variantLocation = own.VariantOf!.Location;
        var chain = new List<DeclarationAttributes> { own };
        var visited = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default) { own.Symbol };
        var current = own;

        while (current.Model is null)
        {
            var baseSymbol = current.VariantOf?.GetConstructorType(0);
            if (baseSymbol is null)
            {
                return null;
            }

            if (!visited.Add(baseSymbol))
            {
                var names = new List<string>();
                foreach (var link in chain)
                {
                    names.Add(link.Symbol.Name);
                }

                names.Add(baseSymbol.Name);
                diagnostics.Add(DiagnosticDescriptors.VariantCycle, own.VariantOf.PositionalLocation(0), own.Symbol.Name, string.Join(" → ", names));
                return null;
            }

            var next = DeclarationAttributes.Read(baseSymbol, variantLocation, cancellationToken);
            if (!next.IsDeclaration)
            {
                diagnostics.Add(DiagnosticDescriptors.VariantBaseNotDeclared, own.VariantOf.PositionalLocation(0), own.Symbol.Name, baseSymbol.ToDisplayString());
                return null;
            }

            // A base that is itself in conflict reports that; the variant just stops.
            if (next.Model is not null && next.VariantOf is not null)
            {
                return null;
            }

            chain.Add(next);
            current = next;
        }

        chain.Reverse();
        return chain;
    }

    private static EquatableArray<string> DescribeContainingTypes(INamedTypeSymbol symbol)
    {
        var declarations = new List<string>();
        for (var containing = symbol.ContainingType; containing is not null; containing = containing.ContainingType)
        {
            declarations.Insert(0, "partial " + TypeKeyword(containing) + " " + containing.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat));
        }

        return declarations.ToEquatableArray();
    }

    private static string TypeKeyword(INamedTypeSymbol type)
    {
        if (type.IsRecord)
        {
            return type.TypeKind == TypeKind.Struct ? "record struct" : "record";
        }

        return type.TypeKind switch
        {
            TypeKind.Struct => "struct",
            TypeKind.Interface => "interface",
            _ => "class",
        };
    }
}
