using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using ModelDsl.Generators.Diagnostics;
using ModelDsl.Generators.Model;

namespace ModelDsl.Generators.Parsing;

/// <summary>
/// Diagnostics of one declaration in report order. A setting that applies to many layers is checked
/// once per layer, so equal diagnostics are kept only once.
/// </summary>
internal sealed class DiagnosticBag
{
    private readonly List<DiagnosticInfo> items = new List<DiagnosticInfo>();
    private readonly HashSet<DiagnosticInfo> seen = new HashSet<DiagnosticInfo>();

    public bool HasErrors { get; private set; }

    public void Add(DiagnosticDescriptor descriptor, LocationInfo? location, params object[] arguments)
    {
        var info = DiagnosticInfo.Create(descriptor, location, arguments);
        if (!seen.Add(info))
        {
            return;
        }

        items.Add(info);
        HasErrors |= descriptor.DefaultSeverity == DiagnosticSeverity.Error;
    }

    public EquatableArray<DiagnosticInfo> ToEquatableArray() => items.ToEquatableArray();
}
