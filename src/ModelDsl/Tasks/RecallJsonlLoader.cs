using System.Text.Json;

namespace ModelDsl.Tasks;

/// <summary>
/// Reads recall examples in the JSONL format published with the code of You et al. (2024), "Revealing and Mitigating
/// the Local Pattern Shortcuts of Mamba": one object per line with
/// <c>ctx_length</c> (L), <c>num_kv_pair</c> (N), <c>key_len</c> (K), <c>value_len</c> (W), <c>V_id</c>
/// (label position as a decimal string → target token id) and <c>input_ids</c>.
/// </summary>
/// <remarks>
/// Labels whose input token is the mask 12 are value labels and are grouped into queries of W consecutive
/// positions. Any other label, such as the closing 10 of a query in the training split, counts for
/// token accuracy and the loss but belongs to no query.
/// </remarks>
public static class RecallJsonlLoader
{
    /// <summary>Loads every line of <paramref name="path"/>.</summary>
    /// <param name="path">JSONL file.</param>
    /// <param name="vocabSize">Vocabulary of the model; every token id must be below it.</param>
    /// <param name="maxSequenceLength">Longest sequence the model is trained on; longer examples are rejected.</param>
    /// <exception cref="RecallDataException">The file is missing, unreadable or has an invalid line.</exception>
    public static IReadOnlyList<RecallExample> Load(string path, int vocabSize, int maxSequenceLength = int.MaxValue)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new RecallDataException(path, null, null, "file not found; pass the data folder with --data.");
        }

        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new RecallDataException(path, null, null, $"cannot be read: {exception.Message}", exception);
        }

        var examples = new List<RecallExample>(lines.Length);
        for (var index = 0; index < lines.Length; index++)
        {
            if (string.IsNullOrWhiteSpace(lines[index]))
            {
                continue;
            }

            examples.Add(ParseLine(lines[index], path, index + 1, vocabSize, maxSequenceLength));
        }

        if (examples.Count == 0)
        {
            throw new RecallDataException(path, null, null, "the file contains no examples.");
        }

        return examples;
    }

    /// <summary>Parses one JSONL line into an example.</summary>
    public static RecallExample ParseLine(string line, string path, int lineNumber, int vocabSize, int maxSequenceLength = int.MaxValue)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException exception)
        {
            throw new RecallDataException(path, lineNumber, null, $"invalid JSON: {exception.Message}", exception);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new RecallDataException(path, lineNumber, null, $"expected a JSON object but found {root.ValueKind}.");
            }

            var fail = (string field, string detail) => new RecallDataException(path, lineNumber, field, detail);
            var length = ReadPositiveInt(root, "ctx_length", fail);
            var pairs = ReadPositiveInt(root, "num_kv_pair", fail);
            ReadPositiveInt(root, "key_len", fail);
            var valueLength = ReadPositiveInt(root, "value_len", fail);

            if (length > maxSequenceLength)
            {
                throw fail("ctx_length", $"sequence length {length} exceeds the {maxSequenceLength} tokens the model supports; drop such lines or raise the model's maximum sequence length.");
            }

            var inputIds = ReadInputIds(root, length, vocabSize, fail);
            var labels = ReadLabels(root, length, vocabSize, fail);
            return BuildExample(inputIds, labels, pairs, valueLength, fail);
        }
    }

    private static int ReadPositiveInt(JsonElement root, string field, Func<string, string, RecallDataException> fail)
    {
        if (!root.TryGetProperty(field, out var element))
        {
            throw fail(field, "missing.");
        }

        if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt32(out var value))
        {
            throw fail(field, $"expected an integer but found {element.GetRawText()}.");
        }

        if (value < 1)
        {
            throw fail(field, $"must be at least 1 but is {value}.");
        }

        return value;
    }

    private static int[] ReadInputIds(JsonElement root, int length, int vocabSize, Func<string, string, RecallDataException> fail)
    {
        if (!root.TryGetProperty("input_ids", out var element))
        {
            throw fail("input_ids", "missing.");
        }

        if (element.ValueKind != JsonValueKind.Array)
        {
            throw fail("input_ids", $"expected an array of token ids but found {element.ValueKind}.");
        }

        var count = element.GetArrayLength();
        if (count != length)
        {
            throw fail("input_ids", $"has {count} tokens but ctx_length is {length}.");
        }

        var ids = new int[count];
        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            ids[index] = ReadTokenId(item, $"input_ids[{index}]", vocabSize, fail);
            index++;
        }

        return ids;
    }

    private static SortedDictionary<int, int> ReadLabels(JsonElement root, int length, int vocabSize, Func<string, string, RecallDataException> fail)
    {
        if (!root.TryGetProperty("V_id", out var element))
        {
            throw fail("V_id", "missing.");
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            throw fail("V_id", $"expected an object mapping positions to token ids but found {element.ValueKind}.");
        }

        var labels = new SortedDictionary<int, int>();
        foreach (var property in element.EnumerateObject())
        {
            if (!int.TryParse(property.Name, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var position)
                || position < 1 || position >= length)
            {
                throw fail("V_id", $"label position \"{property.Name}\" is not an integer in [1, {length}).");
            }

            labels[position] = ReadTokenId(property.Value, $"V_id[\"{property.Name}\"]", vocabSize, fail);
        }

        if (labels.Count == 0)
        {
            throw fail("V_id", "has no labelled positions.");
        }

        return labels;
    }

    private static int ReadTokenId(JsonElement item, string field, int vocabSize, Func<string, string, RecallDataException> fail)
    {
        if (item.ValueKind != JsonValueKind.Number || !item.TryGetInt32(out var id) || id < 0)
        {
            throw fail(field, $"expected a non-negative integer token id but found {item.GetRawText()}.");
        }

        if (id >= vocabSize)
        {
            throw fail(field, $"token id {id} is not below the vocabulary size {vocabSize}; use a model with a vocabulary of at least {id + 1}.");
        }

        return id;
    }

    private static RecallExample BuildExample(int[] inputIds, SortedDictionary<int, int> labels, int pairs, int valueLength, Func<string, string, RecallDataException> fail)
    {
        var positions = labels.Keys.ToArray();
        var targets = labels.Values.ToArray();
        var queries = new int[positions.Length];

        // Consecutive masked positions form one query; a query has exactly W of them.
        var queryCount = 0;
        var run = 0;
        for (var i = 0; i < positions.Length; i++)
        {
            if (inputIds[positions[i]] != NGramTaskSettings.MaskToken)
            {
                queries[i] = RecallExample.NoQuery;
                continue;
            }

            var continuesRun = run > 0 && run < valueLength && positions[i] == positions[i - 1] + 1 && queries[i - 1] == queryCount - 1;
            if (!continuesRun)
            {
                if (run != 0 && run != valueLength)
                {
                    throw fail("V_id", $"query {queryCount - 1} has {run} masked value positions but value_len is {valueLength}.");
                }

                queryCount++;
                run = 0;
            }

            queries[i] = queryCount - 1;
            run++;
        }

        if (run != 0 && run != valueLength)
        {
            throw fail("V_id", $"query {queryCount - 1} has {run} masked value positions but value_len is {valueLength}.");
        }

        if (queryCount != pairs)
        {
            throw fail("V_id", $"found {queryCount} queries (runs of masked value positions) but num_kv_pair is {pairs}.");
        }

        return new RecallExample(inputIds, positions, targets, queries, queryCount, new RecallSubtask(inputIds.Length, pairs));
    }
}
