using System.Linq;
using Microsoft.CodeAnalysis.CSharp;

namespace ModelDsl.Generators.Emitters;

/// <summary>Identifier text for generated code: names that are C# keywords get an <c>@</c> prefix.</summary>
internal static class Identifiers
{
    public static string Escape(string name)
        => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    /// <summary>Escapes each part of a dotted name such as a namespace.</summary>
    public static string EscapeQualified(string qualifiedName)
        => string.Join(".", qualifiedName.Split('.').Select(Escape));
}
