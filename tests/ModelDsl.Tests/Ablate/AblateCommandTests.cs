using ModelDsl.Ablate;

namespace ModelDsl.Tests.Ablate;

public sealed class AblateCommandTests
{
    private static string Line(int length, int pairs, int[] ids, string labels) =>
        $"{{\"ctx_length\": {length}, \"num_kv_pair\": {pairs}, \"key_len\": 1, \"value_len\": 1, \"V_id\": {labels}, \"input_ids\": [{string.Join(", ", ids)}]}}";

    [Fact]
    public void HelpListsNamesAndExitsZero()
    {
        using var harness = new CommandHarness();

        Assert.Equal(AblateCommand.Success, harness.Run("--help"));
        Assert.Contains("Usage: ablate", harness.Output);
        Assert.Contains("Mamba2LGlobalSelection", harness.Output);
        Assert.Contains("mqar-shuffle", harness.Output);
    }

    [Theory]
    [InlineData(new[] { "--bogus" }, "Unknown option '--bogus'")]
    [InlineData(new[] { "--steps" }, "Option --steps needs a value")]
    [InlineData(new[] { "--steps", "ten" }, "Option --steps needs an integer, but got 'ten'")]
    [InlineData(new[] { "--steps", "0" }, "Option --steps must be at least 1, but got 0")]
    [InlineData(new[] { "--scan", "fast" }, "Option --scan must be one of fused, reference, but got 'fast'")]
    [InlineData(new[] { "--preset=huge" }, "Option --preset must be one of default, paper, but got 'huge'")]
    [InlineData(new[] { "--d-model", "128" }, "model sizes are fixed by the declared classes")]
    [InlineData(new[] { "--archs", "Transformer" }, "Unknown architecture 'Transformer'. Valid architectures: Mamba2L, Mamba2LGlobalSelection, MambaTiny, MambaTinyGlobalSelection.")]
    [InlineData(new[] { "--tasks", "mqar,copy" }, "Unknown task 'copy'. Valid tasks: mqar, mqar-last, mqar-shuffle, ngram-k1v1, ngram-k1v2, ngram-k2v2, robustness.")]
    [InlineData(new[] { "--steps", "10", "--steps=20" }, "Option --steps is given more than once; give it once.")]
    public void InvalidArgumentsExitTwo(string[] args, string message)
    {
        using var harness = new CommandHarness();
        var output = Path.Combine(harness.Folder, "out");

        Assert.Equal(AblateCommand.InvalidArguments, harness.Run([.. args, "--out", output]));
        Assert.Contains(message, harness.Errors.ReplaceLineEndings(" "));
        Assert.DoesNotContain("error:", harness.Output);
        Assert.False(Directory.Exists(output), "nothing may be written for invalid arguments");
    }

    [Fact]
    public void MissingDataFolderNamesOption()
    {
        using var harness = new CommandHarness();
        var output = Path.Combine(harness.Folder, "out");

        Assert.Equal(AblateCommand.InvalidData, harness.Run("--tasks", "ngram-k2v2", "--data", "nowhere", "--out", output));
        Assert.Contains("data folder not found", harness.Errors);
        Assert.Contains("--data", harness.Errors);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void MissingDataFileIsNamed()
    {
        using var harness = new CommandHarness();
        var data = harness.DataWith("test", contents: null);

        Assert.Equal(AblateCommand.InvalidData, harness.Run("--tasks", "ngram-k2v2", "--data", data, "--out", Path.Combine(harness.Folder, "out")));
        Assert.Contains(Path.Combine("ngram-k2v2-standard", "test.jsonl") + ": file not found", harness.Errors.ReplaceLineEndings(string.Empty));
    }

    [Theory]
    [InlineData("{\"ctx_length\": 4,", 2, "invalid JSON")]
    [InlineData("{\"ctx_length\": 4, \"num_kv_pair\": 1, \"key_len\": 1, \"value_len\": 1, \"input_ids\": [10, 7, 11, 12]}", 2, "field 'V_id': missing")]
    public void MalformedJsonlNamesLineAndField(string badLine, int lineNumber, string detail)
    {
        using var harness = new CommandHarness();
        var good = File.ReadLines(Path.Combine(CommandHarness.FixtureData, "ngram-k2v2-standard", "valid.jsonl")).First();
        var data = harness.DataWith("valid", good + "\n" + badLine + "\n");
        var output = Path.Combine(harness.Folder, "out");

        Assert.Equal(AblateCommand.InvalidData, harness.Run("--tasks", "ngram-k2v2", "--data", data, "--out", output));
        var text = harness.Errors.ReplaceLineEndings(string.Empty);
        Assert.Contains($"valid.jsonl:{lineNumber}:", text);
        Assert.Contains(detail, text);
        Assert.False(File.Exists(Path.Combine(output, "results.csv")), "no results may be written for invalid data");
        Assert.False(Directory.Exists(output), "invalid data must not leave an output folder behind");
    }

    [Fact]
    public void TokenIdBeyondVocabularyIsNamed()
    {
        using var harness = new CommandHarness();
        var data = harness.DataWith("train", Line(4, 1, [10, 30000, 11, 12], "{\"3\": 20100}") + "\n");

        Assert.Equal(AblateCommand.InvalidData, harness.Run("--tasks", "ngram-k2v2", "--data", data, "--out", Path.Combine(harness.Folder, "out")));
        Assert.Contains("token id 30000 is not below the vocabulary size 20480", harness.Errors.ReplaceLineEndings(string.Empty));
    }

    [Fact]
    public void OverlongSequenceIsRejected()
    {
        using var harness = new CommandHarness();
        var ids = Enumerable.Repeat(100, 600).ToArray();
        ids[598] = 12;
        var data = harness.DataWith("train", Line(600, 1, ids, "{\"598\": 15000}") + "\n");

        Assert.Equal(AblateCommand.InvalidData, harness.Run("--tasks", "ngram-k2v2", "--data", data, "--out", Path.Combine(harness.Folder, "out")));
        Assert.Contains("sequence length 600 exceeds the 512 tokens the model supports", harness.Errors.ReplaceLineEndings(string.Empty));
    }

    [Fact]
    public void UnwritableOutputExitsFour()
    {
        using var harness = new CommandHarness();
        var file = Path.Combine(harness.Folder, "a-file");
        File.WriteAllText(file, "not a folder");

        Assert.Equal(AblateCommand.OutputNotWritable, harness.Run("--tasks", "mqar", "--out", Path.Combine(file, "out")));
        var text = harness.Errors.ReplaceLineEndings(string.Empty);
        Assert.Contains($"because {file} is a file, not a folder", text);
        Assert.Contains("--out", text);
    }

    [Fact]
    public void SmallRunWritesEveryResultFile()
    {
        using var harness = new CommandHarness();
        var output = Path.Combine(harness.Folder, "out");

        var exitCode = harness.Run("--tasks", "ngram-k2v2", "--data", CommandHarness.FixtureData, "--steps", "2", "--eval-every", "1", "--batch-size", "2", "--scan", "reference", "--threads", "1", "--out", output);

        Assert.True(exitCode == AblateCommand.Success, harness.Output);
        foreach (var name in new[] { "results.csv", "results.json", "results.md", "accuracy-by-task.png", "learning-curves.png", "loss-curves.png" })
        {
            Assert.True(File.Exists(Path.Combine(output, name)), $"{name} is missing; output: {harness.Output}");
        }

        var rows = File.ReadAllLines(Path.Combine(output, "results.csv"));
        Assert.Equal(3, rows.Length);
        Assert.StartsWith("Mamba2L,ngram-k2v2,", rows[1]);
        Assert.StartsWith("Mamba2LGlobalSelection,ngram-k2v2,", rows[2]);
        var header = rows[0].Split(',');
        var columns = rows[1].Split(',');
        Assert.Equal("2", columns[Array.IndexOf(header, "steps")]);
        Assert.Equal("Completed", columns[Array.IndexOf(header, "stop_reason")]);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(Path.Combine(output, "accuracy-by-task.png"))[..4]);
        Assert.Contains("Test query accuracy by architecture and task", harness.Output);
        Assert.DoesNotContain(Directory.GetFiles(output), path => path.EndsWith(".tmp", StringComparison.Ordinal));
    }
}
