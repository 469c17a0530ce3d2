using ModelDsl.Generators.Diagnostics;
using ModelDsl.Generators.Model;

namespace ModelDsl.Generators.Parsing;

/// <summary>Output of the transform step: the model to emit, if the declaration is valid, and its diagnostics.</summary>
internal sealed record DeclarationResult(ModelSpec? Model, EquatableArray<DiagnosticInfo> Diagnostics)
{
    /// <summary>Result of a class the generator leaves alone.</summary>
    public static DeclarationResult None { get; } = new DeclarationResult(null, EquatableArray<DiagnosticInfo>.Empty);
}
