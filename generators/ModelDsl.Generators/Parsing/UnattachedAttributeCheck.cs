using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ModelDsl.Generators.Diagnostics;
using ModelDsl.Generators.Model;

namespace ModelDsl.Generators.Parsing;

/// <summary>
/// Finds <c>[MambaMixer]</c>, <c>[Layer]</c> and <c>[GlobalSelection]</c> on a class that is not a
/// declaration. That is usually a forgotten <c>[VariantOf]</c>, and without this check the class
/// would silently get no generated code.
/// </summary>
internal static class UnattachedAttributeCheck
{
    public static EquatableArray<DiagnosticInfo> Check(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol symbol)
        {
            return EquatableArray<DiagnosticInfo>.Empty;
        }

        foreach (var attribute in symbol.GetAttributes())
        {
            var name = attribute.AttributeClass?.ToDisplayString();
            if (name is AttributeNames.MambaModel or AttributeNames.VariantOf)
            {
                return EquatableArray<DiagnosticInfo>.Empty;
            }
        }

        var diagnostics = new DiagnosticBag();
        foreach (var attribute in context.Attributes)
        {
            if (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is AttributeSyntax syntax)
            {
                var shortName = attribute.AttributeClass!.Name;
                shortName = shortName.EndsWith("Attribute") ? shortName.Substring(0, shortName.Length - "Attribute".Length) : shortName;
                diagnostics.Add(DiagnosticDescriptors.AttributeWithoutDeclaration, LocationInfo.From(syntax), shortName, symbol.Name);
            }
        }

        return diagnostics.ToEquatableArray();
    }
}
