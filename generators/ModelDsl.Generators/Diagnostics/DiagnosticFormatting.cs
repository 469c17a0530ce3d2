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
                return number.ToString("R", CultureInfo.InvariantCulture);
            case IFormattable formattable:
                return formattable.ToString(null, CultureInfo.InvariantCulture);
            default:
                return value.ToString() ?? "";
        }
    }
}
