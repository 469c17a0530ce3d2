using System;
using System.Globalization;

namespace ModelDsl.Generators.Diagnostics;

/// <summary>Formats message arguments the way a user writes them in C#, independent of the build machine's culture.</summary>
internal static class DiagnosticFormatting
{
    public static string Format(object value)
    {
        switch (value)
        {
            case double number:
                var text = number.ToString("R", CultureInfo.InvariantCulture);

                // .NET Framework hosts can print an "R" text that parses back differently; see CSharpLiterals.
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && parsed.Equals(number)
                    ? text
                    : number.ToString("G17", CultureInfo.InvariantCulture);
            case IFormattable formattable:
                return formattable.ToString(null, CultureInfo.InvariantCulture);
            default:
                return value.ToString() ?? "";
        }
    }
}
