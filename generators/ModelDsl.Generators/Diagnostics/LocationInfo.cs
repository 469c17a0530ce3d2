using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ModelDsl.Generators.Diagnostics;

/// <summary>
/// Source location kept as plain values, so diagnostics can travel through the incremental pipeline
/// without holding a syntax tree. <see cref="ToLocation"/> turns it back into a tree location.
/// </summary>
/// <param name="FilePath">Path of the syntax tree.</param>
/// <param name="Span">Character span in that tree.</param>
/// <param name="LineSpan">Line and column span, used only when the tree is no longer in the compilation.</param>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    /// <summary>Creates the location of <paramref name="node"/>.</summary>
    public static LocationInfo From(SyntaxNode node) => From(node.SyntaxTree, node.Span);

    /// <summary>Creates the location of <paramref name="token"/>.</summary>
    public static LocationInfo From(SyntaxToken token) => From(token.SyntaxTree!, token.Span);

    private static LocationInfo From(SyntaxTree tree, TextSpan span)
        => new LocationInfo(tree.FilePath, span, tree.GetLineSpan(span).Span);

    /// <summary>
    /// Returns a location in the tree of <paramref name="compilation"/> with this file path. Only such
    /// a location lets <c>#pragma warning disable</c> suppress the diagnostic.
    /// </summary>
    public Location ToLocation(Compilation compilation)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (tree.FilePath == FilePath)
            {
                return Location.Create(tree, Span);
            }
        }

        return Location.Create(FilePath, Span, LineSpan);
    }
}
