using System.Runtime.CompilerServices;
using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace ModelDsl.Generators.Tests.Infrastructure;

/// <summary>
/// Compares generated text with a committed snapshot, in Verify's file convention:
/// <c>Snapshots/&lt;TestClass&gt;.&lt;TestMethod&gt;.verified.cs</c> next to the test sources. On a
/// mismatch it writes <c>.received.cs</c> beside the snapshot and fails with a unified diff. With
/// <c>MODELDSL_ACCEPT_SNAPSHOTS=1</c> it overwrites the snapshot instead.
/// </summary>
internal static class SnapshotAssert
{
    public const string AcceptVariable = "MODELDSL_ACCEPT_SNAPSHOTS";

    private const int ContextLines = 3;

    /// <summary>
    /// Checks <paramref name="actual"/> against the snapshot of the calling test. The caller's file
    /// path locates the test project's source folder, so snapshots land beside the sources, not in bin.
    /// </summary>
    public static void Matches(
        string actual,
        string testClass,
        string suffix = "",
        [CallerMemberName] string testMethod = "",
        [CallerFilePath] string callerFile = "")
    {
        var folder = Path.Combine(Path.GetDirectoryName(callerFile)!, "Snapshots");
        var stem = Path.Combine(folder, testClass + "." + testMethod + suffix);
        var accept = Environment.GetEnvironmentVariable(AcceptVariable) == "1";
        Compare(actual, stem + ".verified.cs", stem + ".received.cs", accept);
    }

    /// <summary>
    /// Compares <paramref name="actual"/> with the file at <paramref name="verifiedPath"/>, or
    /// overwrites that file when <paramref name="accept"/> is set.
    /// </summary>
    public static void Compare(string actual, string verifiedPath, string receivedPath, bool accept)
    {
        actual = actual.Replace("\r\n", "\n");
        Directory.CreateDirectory(Path.GetDirectoryName(verifiedPath)!);

        if (accept)
        {
            File.WriteAllText(verifiedPath, actual);
            File.Delete(receivedPath);
            return;
        }

        var expected = File.Exists(verifiedPath) ? File.ReadAllText(verifiedPath).Replace("\r\n", "\n") : null;
        if (expected == actual)
        {
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, actual);
        var reason = expected is null
            ? $"Snapshot {verifiedPath} does not exist; review {receivedPath} and rename it to .verified.cs"
            : $"Generated text differs from {verifiedPath}; review {receivedPath}";
        Assert.Fail(
            $"{reason}, or run the tests with {AcceptVariable}=1 to accept every received snapshot.\n"
            + UnifiedDiff(expected ?? "", actual, verifiedPath, receivedPath));
    }

    /// <summary>Formats a unified diff with <see cref="ContextLines"/> lines of context around each change.</summary>
    public static string UnifiedDiff(string expected, string actual, string expectedName, string actualName)
    {
        var output = new StringBuilder();
        output.Append("--- ").Append(expectedName).Append('\n');
        output.Append("+++ ").Append(actualName).Append('\n');

        // DiffPlex reads a final "\n" as one more, empty line; drop it so hunk counts match the files.
        var expectedBody = TrimFinalNewline(expected);
        var actualBody = TrimFinalNewline(actual);
        if (expectedBody == actualBody && expected != actual)
        {
            return output.Append("\\ The final newline differs.\n").ToString();
        }

        var lines = InlineDiffBuilder.Diff(expectedBody, actualBody, ignoreWhiteSpace: false).Lines;

        var changed = lines.Select(line => line.Type is ChangeType.Inserted or ChangeType.Deleted).ToArray();
        var oldLine = 1;
        var newLine = 1;
        var index = 0;
        while (index < lines.Count)
        {
            if (!changed[index])
            {
                oldLine++;
                newLine++;
                index++;
                continue;
            }

            // Grow the hunk while the next change is within twice the context distance.
            var start = Math.Max(0, index - ContextLines);
            var end = index;
            while (end < lines.Count)
            {
                var next = Array.FindIndex(changed, end + 1, value => value);
                if (next < 0 || next - end > 2 * ContextLines)
                {
                    break;
                }

                end = next;
            }

            end = Math.Min(lines.Count - 1, end + ContextLines);
            var hunkOldStart = oldLine - (index - start);
            var hunkNewStart = newLine - (index - start);
            var hunk = new StringBuilder();
            var oldCount = 0;
            var newCount = 0;
            for (var i = start; i <= end; i++)
            {
                var line = lines[i];
                switch (line.Type)
                {
                    case ChangeType.Deleted:
                        hunk.Append('-').Append(line.Text).Append('\n');
                        oldCount++;
                        break;
                    case ChangeType.Inserted:
                        hunk.Append('+').Append(line.Text).Append('\n');
                        newCount++;
                        break;
                    default:
                        hunk.Append(' ').Append(line.Text).Append('\n');
                        oldCount++;
                        newCount++;
                        break;
                }
            }

            output.Append($"@@ -{hunkOldStart},{oldCount} +{hunkNewStart},{newCount} @@\n").Append(hunk);

            for (var i = index; i <= end; i++)
            {
                if (lines[i].Type != ChangeType.Inserted)
                {
                    oldLine++;
                }

                if (lines[i].Type != ChangeType.Deleted)
                {
                    newLine++;
                }
            }

            index = end + 1;
        }

        return output.ToString();
    }

    private static string TrimFinalNewline(string text) => text.EndsWith('\n') ? text.Substring(0, text.Length - 1) : text;
}
