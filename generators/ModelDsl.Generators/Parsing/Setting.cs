using ModelDsl.Generators.Diagnostics;

namespace ModelDsl.Generators.Parsing;

/// <summary>A value read from a declaration, with the location where it is set; <c>null</c> for a default.</summary>
internal readonly record struct Setting<T>(T Value, LocationInfo? Location);
