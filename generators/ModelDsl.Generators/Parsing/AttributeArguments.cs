using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ModelDsl.Generators.Diagnostics;

namespace ModelDsl.Generators.Parsing;

/// <summary>
/// Typed access to one attribute application's arguments and their source locations. Arguments with
/// compile errors (half-typed code) read as absent instead of throwing.
/// </summary>
internal sealed class AttributeArguments
{
    private readonly AttributeData data;
    private readonly AttributeSyntax? syntax;
    private readonly LocationInfo? relocation;

    private AttributeArguments(AttributeData data, AttributeSyntax? syntax, LocationInfo location, LocationInfo? relocation)
    {
        this.data = data;
        this.syntax = syntax;
        this.relocation = relocation;
        Location = location;
    }

    /// <summary>Location of the whole attribute, or the relocation target.</summary>
    public LocationInfo Location { get; }

    /// <summary>
    /// Wraps <paramref name="data"/>. With <paramref name="relocation"/> set, every location this
    /// instance returns is that one: attributes inherited from a base declaration are reported at the
    /// variant's <c>[VariantOf]</c>, since the variant is what the user is compiling.
    /// </summary>
    public static AttributeArguments? Create(AttributeData data, LocationInfo? relocation, CancellationToken cancellationToken)
    {
        // Relocated attributes report nothing at their own syntax, which may be in another file
        // or, for a base declared in a referenced assembly, absent.
        var syntax = relocation is null ? data.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax : null;
        var location = relocation ?? (syntax is null ? null : LocationInfo.From(syntax));
        return location is null ? null : new AttributeArguments(data, syntax, location, relocation);
    }

    /// <summary>Whether the attribute sets the named property <paramref name="name"/> to a valid constant.</summary>
    public bool IsSet(string name) => TryGetNamed(name, out _);

    public bool TryGetInt(string name, out Setting<int> setting)
        => TryConvert(name, value => value is int number ? number : (int?)null, out setting);

    public bool TryGetBool(string name, out Setting<bool> setting)
        => TryConvert(name, value => value is bool flag ? flag : (bool?)null, out setting);

    public bool TryGetDouble(string name, out Setting<double> setting)
    {
        setting = default;
        if (!TryGetNamed(name, out var constant))
        {
            return false;
        }

        double? number = constant.Value switch
        {
            double d => d,
            float f => f,
            int i => i,
            long l => l,
            _ => null,
        };
        if (number is null)
        {
            return false;
        }

        setting = new Setting<double>(number.Value, NamedLocation(name));
        return true;
    }

    /// <summary>
    /// Reads an <c>int[]</c> property. An explicit <c>null</c> reads as set with a <c>null</c> value,
    /// which means "every layer" for the layer lists.
    /// </summary>
    public bool TryGetIntArray(string name, out Setting<int[]?> setting)
    {
        setting = default;
        if (!TryGetNamed(name, out var constant))
        {
            return false;
        }

        if (constant.Kind != TypedConstantKind.Array)
        {
            return false;
        }

        if (constant.IsNull)
        {
            setting = new Setting<int[]?>(null, NamedLocation(name));
            return true;
        }

        var values = new List<int>();
        foreach (var element in constant.Values)
        {
            if (element.Kind == TypedConstantKind.Error || element.Value is not int number)
            {
                return false;
            }

            values.Add(number);
        }

        setting = new Setting<int[]?>(values.ToArray(), NamedLocation(name));
        return true;
    }

    /// <summary>Reads the constructor argument at <paramref name="position"/> as an integer (enums read as their value).</summary>
    public bool TryGetConstructorInt(int position, out Setting<int> setting)
    {
        setting = default;
        if (data.AttributeConstructor is null || position >= data.ConstructorArguments.Length)
        {
            return false;
        }

        var constant = data.ConstructorArguments[position];
        if (constant.Kind == TypedConstantKind.Error || constant.Value is not int number)
        {
            return false;
        }

        setting = new Setting<int>(number, PositionalLocation(position));
        return true;
    }

    /// <summary>Reads a <c>typeof(...)</c> constructor argument; <c>null</c> when missing or unresolved.</summary>
    public INamedTypeSymbol? GetConstructorType(int position)
    {
        if (data.AttributeConstructor is null || position >= data.ConstructorArguments.Length)
        {
            return null;
        }

        var constant = data.ConstructorArguments[position];
        if (constant.Kind != TypedConstantKind.Type || constant.Value is not INamedTypeSymbol type)
        {
            return null;
        }

        return type.TypeKind == TypeKind.Error ? null : type;
    }

    /// <summary>Location of the constructor argument at <paramref name="position"/>, or of the attribute.</summary>
    public LocationInfo PositionalLocation(int position)
    {
        if (relocation is not null || syntax?.ArgumentList is null)
        {
            return Location;
        }

        var index = 0;
        foreach (var argument in syntax.ArgumentList.Arguments)
        {
            if (argument.NameEquals is not null || argument.NameColon is not null)
            {
                continue;
            }

            if (index == position)
            {
                return LocationInfo.From(argument);
            }

            index++;
        }

        return Location;
    }

    /// <summary>
    /// Location of element <paramref name="position"/> of the array given to the named argument
    /// <paramref name="name"/>, or of the whole argument when the array is not written element by
    /// element (<c>new[] { ... }</c>, <c>new int[] { ... }</c> or <c>[ ... ]</c>).
    /// </summary>
    public LocationInfo ElementLocation(string name, int position)
    {
        var argument = FindNamedArgument(name);
        if (argument is null)
        {
            return NamedLocation(name);
        }

        var elements = argument.Expression switch
        {
            ImplicitArrayCreationExpressionSyntax implicitArray => ExpressionsOf(implicitArray.Initializer),
            ArrayCreationExpressionSyntax array when array.Initializer is not null => ExpressionsOf(array.Initializer),
            CollectionExpressionSyntax collection => ElementsOf(collection),
            _ => null,
        };

        return elements is not null && position < elements.Count ? LocationInfo.From(elements[position]) : LocationInfo.From(argument);
    }

    /// <summary>Location of the named argument <paramref name="name"/>, or of the attribute.</summary>
    public LocationInfo NamedLocation(string name)
    {
        var argument = FindNamedArgument(name);
        return argument is null ? Location : LocationInfo.From(argument);
    }

    /// <summary>Syntax of the named argument; <c>null</c> when it is absent or locations are relocated.</summary>
    private AttributeArgumentSyntax? FindNamedArgument(string name)
    {
        if (relocation is not null || syntax?.ArgumentList is null)
        {
            return null;
        }

        foreach (var argument in syntax.ArgumentList.Arguments)
        {
            if (argument.NameEquals?.Name.Identifier.ValueText == name)
            {
                return argument;
            }
        }

        return null;
    }

    private static List<SyntaxNode> ExpressionsOf(InitializerExpressionSyntax initializer)
        => new List<SyntaxNode>(initializer.Expressions);

    /// <summary>Returns the elements of a collection expression, or <c>null</c> when one is a spread.</summary>
    private static List<SyntaxNode>? ElementsOf(CollectionExpressionSyntax collection)
    {
        var elements = new List<SyntaxNode>();
        foreach (var element in collection.Elements)
        {
            if (element is not ExpressionElementSyntax expression)
            {
                return null;
            }

            elements.Add(expression);
        }

        return elements;
    }

    private bool TryConvert<T>(string name, Func<object?, T?> convert, out Setting<T> setting)
        where T : struct
    {
        setting = default;
        if (!TryGetNamed(name, out var constant))
        {
            return false;
        }

        var value = convert(constant.Value);
        if (value is null)
        {
            return false;
        }

        setting = new Setting<T>(value.Value, NamedLocation(name));
        return true;
    }

    private bool TryGetNamed(string name, out TypedConstant constant)
    {
        foreach (var argument in data.NamedArguments)
        {
            if (argument.Key == name && argument.Value.Kind != TypedConstantKind.Error)
            {
                constant = argument.Value;
                return true;
            }
        }

        constant = default;
        return false;
    }
}
