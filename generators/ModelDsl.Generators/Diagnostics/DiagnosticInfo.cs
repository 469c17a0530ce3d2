using Microsoft.CodeAnalysis;
using ModelDsl.Generators.Model;

namespace ModelDsl.Generators.Diagnostics;

/// <summary>
/// A diagnostic as plain values: the descriptor's id, where it points and its message arguments.
/// Equal diagnostics compare equal between runs, which keeps the reporting step cacheable.
/// </summary>
internal sealed record DiagnosticInfo(string Id, LocationInfo? Location, EquatableArray<string> Arguments)
{
    /// <summary>Creates the info of a diagnostic with <paramref name="descriptor"/>.</summary>
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params object[] arguments)
    {
        var texts = new string[arguments.Length];
        for (var i = 0; i < arguments.Length; i++)
        {
            texts[i] = DiagnosticFormatting.Format(arguments[i]);
        }

        return new DiagnosticInfo(descriptor.Id, location, new EquatableArray<string>(texts));
    }

    /// <summary>Creates the reportable diagnostic, placing it in <paramref name="compilation"/>'s tree.</summary>
    public Diagnostic ToDiagnostic(Compilation compilation)
    {
        var arguments = new object[Arguments.Count];
        for (var i = 0; i < arguments.Length; i++)
        {
            arguments[i] = Arguments[i];
        }

        return Diagnostic.Create(
            DiagnosticDescriptors.Find(Id),
            Location?.ToLocation(compilation) ?? Microsoft.CodeAnalysis.Location.None,
            arguments);
    }
}
