using Microsoft.CodeAnalysis.Text;

namespace ModelDsl.Generators.Tests.Infrastructure;

/// <summary>
/// Test source with one span marked as <c>[|…|]</c>, the place where a diagnostic is expected.
/// </summary>
internal sealed record MarkedSource(string Source, TextSpan Span)
{
    private const string Open = "[|";
    private const string Close = "|]";

    public static MarkedSource Parse(string marked)
    {
        var start = marked.IndexOf(Open, StringComparison.Ordinal);
        var end = marked.IndexOf(Close, StringComparison.Ordinal);
        if (start < 0 || end < start)
        {
            throw new ArgumentException("The source must mark the expected span as [|…|].", nameof(marked));
        }

        var source = marked.Remove(end, Close.Length).Remove(start, Open.Length);
        return new MarkedSource(source, TextSpan.FromBounds(start, end - Open.Length));
    }

    /// <summary>Zero-based line and column span of the marked text.</summary>
    public LinePositionSpan LineSpan => SourceText.From(Source).Lines.GetLinePositionSpan(Span);
}
