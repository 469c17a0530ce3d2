using System.Globalization;

namespace ModelDsl.Generators.Emitters;

/// <summary>C# literal text for constants in generated code, independent of the build machine's culture.</summary>
internal static class CSharpLiterals
{
    public static string Bool(bool value) => value ? "true" : "false";

    public static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Round-trip literal of <paramref name="value"/>, always typed double (such as <c>1E-05</c> or <c>2.0</c>).</summary>
    public static string Double(double value)
    {
        // "R" gives the shortest exact text on .NET Core 3.0 and later. On .NET Framework, which hosts
        // the compiler inside Visual Studio, it can print a value that parses back differently.
        // "G17" is exact on both.
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        if (double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture) != value)
        {
            text = value.ToString("G17", CultureInfo.InvariantCulture);
        }

        return text.IndexOfAny(new[] { '.', 'E', 'e' }) < 0 ? text + ".0" : text;
    }

    /// <summary>Quoted string literal; the names it is used for are C# identifiers, which need no escaping.</summary>
    public static string String(string value) => "\"" + value + "\"";
}
