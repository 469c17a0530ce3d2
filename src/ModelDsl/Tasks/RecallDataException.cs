namespace ModelDsl.Tasks;

/// <summary>Invalid recall data: a missing or malformed file, line or field.</summary>
public sealed class RecallDataException : Exception
{
    /// <summary>Creates the exception for a problem at <paramref name="filePath"/>, optionally at a 1-based line and a field.</summary>
    public RecallDataException(string filePath, int? lineNumber, string? field, string detail, Exception? innerException = null)
        : base(FormatMessage(filePath, lineNumber, field, detail), innerException)
    {
        FilePath = filePath;
        LineNumber = lineNumber;
        Field = field;
    }

    /// <summary>The file that contains the problem.</summary>
    public string FilePath { get; }

    /// <summary>1-based line number, or <c>null</c> when the whole file is affected.</summary>
    public int? LineNumber { get; }

    /// <summary>JSON field name, or <c>null</c> when the line as a whole is affected.</summary>
    public string? Field { get; }

    private static string FormatMessage(string filePath, int? lineNumber, string? field, string detail)
    {
        var location = lineNumber is null ? filePath : $"{filePath}:{lineNumber}";
        return field is null ? $"{location}: {detail}" : $"{location}: field '{field}': {detail}";
    }
}
