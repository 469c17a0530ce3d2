using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using ModelDsl.Generators.Diagnostics;

namespace ModelDsl.Generators.Parsing;

/// <summary>The ModelDsl attributes on one class, read in source order.</summary>
internal sealed class DeclarationAttributes
{
    private DeclarationAttributes(INamedTypeSymbol symbol)
    {
        Symbol = symbol;
    }

    public INamedTypeSymbol Symbol { get; }

    public AttributeArguments? Model { get; private set; }

    public AttributeArguments? VariantOf { get; private set; }

    public List<AttributeArguments> Mixers { get; } = new List<AttributeArguments>();

    public List<AttributeArguments> Layers { get; } = new List<AttributeArguments>();

    public AttributeArguments? GlobalSelection { get; private set; }

    /// <summary>Whether the class carries <c>[MambaModel]</c> or <c>[VariantOf]</c>.</summary>
    public bool IsDeclaration => Model is not null || VariantOf is not null;

    /// <summary>
    /// Reads the attributes of <paramref name="symbol"/>; with <paramref name="relocation"/> set,
    /// every location points there (see <see cref="AttributeArguments.Create"/>).
    /// </summary>
    public static DeclarationAttributes Read(INamedTypeSymbol symbol, LocationInfo? relocation, CancellationToken cancellationToken)
    {
        var result = new DeclarationAttributes(symbol);
        foreach (var attribute in symbol.GetAttributes())
        {
            var name = attribute.AttributeClass?.ToDisplayString();
            if (name is null)
            {
                continue;
            }

            var arguments = name switch
            {
                AttributeNames.MambaModel or AttributeNames.VariantOf or AttributeNames.MambaMixer
                    or AttributeNames.Layer or AttributeNames.GlobalSelection
                    => AttributeArguments.Create(attribute, relocation, cancellationToken),
                _ => null,
            };
            if (arguments is null)
            {
                continue;
            }

            switch (name)
            {
                case AttributeNames.MambaModel:
                    result.Model ??= arguments;
                    break;
                case AttributeNames.VariantOf:
                    result.VariantOf ??= arguments;
                    break;
                case AttributeNames.MambaMixer:
                    result.Mixers.Add(arguments);
                    break;
                case AttributeNames.Layer:
                    result.Layers.Add(arguments);
                    break;
                case AttributeNames.GlobalSelection:
                    result.GlobalSelection ??= arguments;
                    break;
            }
        }

        return result;
    }
}
