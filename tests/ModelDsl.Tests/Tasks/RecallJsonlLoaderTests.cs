using ModelDsl.Tasks;

namespace ModelDsl.Tests.Tasks;

public sealed class RecallJsonlLoaderTests
{
    private const int VocabSize = 20480;

    internal static string FixturePath(string task, string split) =>
        Path.Combine(AppContext.BaseDirectory, "Fixtures", "paper-mqar", task, split + ".jsonl");

    [Fact]
    public void TrainSplitGroupsQueriesAndClosingLabels()
    {
        var examples = RecallJsonlLoader.Load(FixturePath("ngram-k2v2-standard", "train"), VocabSize);

        Assert.Equal(4, examples.Count);
        var first = examples[0];
        Assert.Equal(new RecallSubtask(64, 1), first.Subtask);
        Assert.Equal(new[] { 11, 12, 13 }, first.LabelPositions);
        Assert.Equal(new[] { 12951, 17797, 10 }, first.Targets);
        Assert.Equal(new[] { 0, 0, RecallExample.NoQuery }, first.QueryIndices);
        Assert.Equal(1, first.QueryCount);

        var second = examples[2];
        Assert.Equal(new RecallSubtask(64, 2), second.Subtask);
        Assert.Equal(new[] { 18, 19, 20, 32, 33, 34 }, second.LabelPositions);
        Assert.Equal(new[] { 0, 0, RecallExample.NoQuery, 1, 1, RecallExample.NoQuery }, second.QueryIndices);
        Assert.Equal(new RecallSubtask(128, 1), examples[3].Subtask);
    }

    [Fact]
    public void ValidSplitHasOnlyValueLabels()
    {
        foreach (var task in new[] { "ngram-k1v1-standard", "ngram-k1v2-standard", "ngram-k2v2-standard" })
        {
            foreach (var example in RecallJsonlLoader.Load(FixturePath(task, "valid"), VocabSize))
            {
                Assert.DoesNotContain(RecallExample.NoQuery, example.QueryIndices);
                Assert.All(example.LabelPositions, position => Assert.Equal(12, example.InputIds[position]));
            }
        }
    }

    [Theory]
    [InlineData("{\"ctx_length\": 4", null, "invalid JSON")]
    [InlineData("[1, 2]", null, "expected a JSON object")]
    [InlineData("{\"num_kv_pair\": 1, \"key_len\": 1, \"value_len\": 1, \"V_id\": {\"2\": 5}, \"input_ids\": [10, 7, 11, 12]}", "ctx_length", "missing")]
    [InlineData("{\"ctx_length\": \"4\", \"num_kv_pair\": 1, \"key_len\": 1, \"value_len\": 1, \"V_id\": {\"2\": 5}, \"input_ids\": [10, 7, 11, 12]}", "ctx_length", "expected an integer")]
    [InlineData("{\"ctx_length\": 5, \"num_kv_pair\": 1, \"key_len\": 1, \"value_len\": 1, \"V_id\": {\"3\": 5}, \"input_ids\": [10, 7, 11, 12]}", "input_ids", "has 4 tokens but ctx_length is 5")]
    [InlineData("{\"ctx_length\": 4, \"num_kv_pair\": 1, \"key_len\": 1, \"value_len\": 1, \"V_id\": {\"x\": 5}, \"input_ids\": [10, 7, 11, 12]}", "V_id", "not an integer in [1, 4)")]
    [InlineData("{\"ctx_length\": 4, \"num_kv_pair\": 1, \"key_len\": 1, \"value_len\": 1, \"V_id\": {\"3\": 5}, \"input_ids\": [10, 7, -1, 12]}", "input_ids[2]", "non-negative integer")]
    [InlineData("{\"ctx_length\": 4, \"num_kv_pair\": 2, \"key_len\": 1, \"value_len\": 1, \"V_id\": {\"3\": 5}, \"input_ids\": [10, 7, 11, 12]}", "V_id", "found 1 queries")]
    [InlineData("{\"ctx_length\": 4, \"num_kv_pair\": 1, \"key_len\": 1, \"value_len\": 2, \"V_id\": {\"3\": 5}, \"input_ids\": [10, 7, 11, 12]}", "V_id", "has 1 masked value positions but value_len is 2")]
    public void MalformedLineNamesFieldAndLine(string line, string? field, string detail)
    {
        var path = WriteTemporary("{\"ctx_length\": 4, \"num_kv_pair\": 1, \"key_len\": 1, \"value_len\": 1, \"V_id\": {\"3\": 5}, \"input_ids\": [10, 7, 11, 12]}\n" + line + "\n");
        try
        {
            var exception = Assert.Throws<RecallDataException>(() => RecallJsonlLoader.Load(path, VocabSize));

            Assert.Equal(2, exception.LineNumber);
            Assert.Equal(field, exception.Field);
            Assert.Contains(detail, exception.Message);
            Assert.StartsWith($"{path}:2:", exception.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("[10, 50, 11, 12]", "{\"3\": 40}", "input_ids[1]")]
    [InlineData("[10, 7, 11, 12]", "{\"3\": 50}", "V_id[\"3\"]")]
    public void TokenIdAtVocabSizeIsRejected(string inputIds, string labels, string field)
    {
        var path = WriteTemporary($"{{\"ctx_length\": 4, \"num_kv_pair\": 1, \"key_len\": 1, \"value_len\": 1, \"V_id\": {labels}, \"input_ids\": {inputIds}}}\n");
        try
        {
            var exception = Assert.Throws<RecallDataException>(() => RecallJsonlLoader.Load(path, vocabSize: 50));

            Assert.Equal(1, exception.LineNumber);
            Assert.Equal(field, exception.Field);
            Assert.Contains("token id 50 is not below the vocabulary size 50", exception.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void SequenceLongerThanModelIsRejected()
    {
        var exception = Assert.Throws<RecallDataException>(() => RecallJsonlLoader.Load(FixturePath("ngram-k1v1-standard", "test"), VocabSize, maxSequenceLength: 64));

        Assert.Equal(4, exception.LineNumber);
        Assert.Equal("ctx_length", exception.Field);
        Assert.Contains("sequence length 128 exceeds the 64 tokens the model supports", exception.Message);
    }

    [Fact]
    public void MissingFileIsReported()
    {
        var path = Path.Combine(Path.GetTempPath(), "modeldsl-missing-" + Guid.NewGuid() + ".jsonl");
        var exception = Assert.Throws<RecallDataException>(() => RecallJsonlLoader.Load(path, VocabSize));

        Assert.Null(exception.LineNumber);
        Assert.Contains("file not found", exception.Message);
        Assert.Contains("--data", exception.Message);
    }

    private static string WriteTemporary(string contents)
    {
        var path = Path.Combine(Path.GetTempPath(), "modeldsl-loader-" + Guid.NewGuid() + ".jsonl");
        File.WriteAllText(path, contents);
        return path;
    }
}
