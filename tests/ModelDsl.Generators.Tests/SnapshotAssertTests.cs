using ModelDsl.Generators.Tests.Infrastructure;
using Xunit.Sdk;

namespace ModelDsl.Generators.Tests;

/// <summary>The snapshot helper itself: received files, accepting, and the unified diff in its failure message.</summary>
public sealed class SnapshotAssertTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("modeldsl-snapshots-").FullName;

    private string VerifiedPath => Path.Combine(folder, "Sample.Test.verified.cs");

    private string ReceivedPath => Path.Combine(folder, "Sample.Test.received.cs");

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Mismatch_WritesReceivedAndShowsDiff()
    {
        File.WriteAllText(VerifiedPath, "one\ntwo\nthree\n");

        var failure = Assert.Throws<FailException>(() => SnapshotAssert.Compare("one\nTWO\nthree\n", VerifiedPath, ReceivedPath, accept: false));

        Assert.Equal("one\nTWO\nthree\n", File.ReadAllText(ReceivedPath));
        Assert.Contains("@@ -1,3 +1,3 @@\n one\n-two\n+TWO\n three\n", failure.Message, StringComparison.Ordinal);
        Assert.Contains("MODELDSL_ACCEPT_SNAPSHOTS=1", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingSnapshot_FailsAndWritesReceived()
    {
        var failure = Assert.Throws<FailException>(() => SnapshotAssert.Compare("new\n", VerifiedPath, ReceivedPath, accept: false));

        Assert.Contains("does not exist", failure.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(ReceivedPath));
        Assert.False(File.Exists(VerifiedPath));
    }

    [Fact]
    public void Match_RemovesStaleReceived()
    {
        File.WriteAllText(VerifiedPath, "same\n");
        File.WriteAllText(ReceivedPath, "old\n");

        SnapshotAssert.Compare("same\r\n", VerifiedPath, ReceivedPath, accept: false);

        Assert.False(File.Exists(ReceivedPath));
    }

    [Fact]
    public void Accept_OverwritesVerified()
    {
        File.WriteAllText(VerifiedPath, "old\n");

        SnapshotAssert.Compare("new\n", VerifiedPath, ReceivedPath, accept: true);

        Assert.Equal("new\n", File.ReadAllText(VerifiedPath));
        Assert.False(File.Exists(ReceivedPath));
    }

    [Fact]
    public void UnifiedDiff_NotesMissingFinalNewline()
    {
        var diff = SnapshotAssert.UnifiedDiff("same\n", "same", "a", "b");

        Assert.Equal("--- a\n+++ b\n\\ The final newline differs.\n", diff);
    }

    [Fact]
    public void UnifiedDiff_SeparatesDistantHunks()
    {
        var expected = string.Join("\n", Enumerable.Range(1, 20).Select(i => $"line {i}")) + "\n";
        var actual = expected.Replace("line 2\n", "line two\n").Replace("line 18\n", "line eighteen\n");

        var diff = SnapshotAssert.UnifiedDiff(expected, actual, "a", "b");

        Assert.StartsWith("--- a\n+++ b\n", diff, StringComparison.Ordinal);
        Assert.Contains("@@ -1,5 +1,5 @@\n line 1\n-line 2\n+line two\n line 3\n", diff, StringComparison.Ordinal);
        Assert.Contains("@@ -15,6 +15,6 @@\n line 15\n line 16\n line 17\n-line 18\n+line eighteen\n line 19\n line 20\n", diff, StringComparison.Ordinal);
    }
}
