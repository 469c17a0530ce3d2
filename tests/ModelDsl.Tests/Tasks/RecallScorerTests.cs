using ModelDsl.Tasks;

namespace ModelDsl.Tests.Tasks;

public sealed class RecallScorerTests
{
    // Two W = 2 queries and one closing label that belongs to no query.
    private static RecallExample TwoQueryExample(int length) => new(
        inputIds: Enumerable.Repeat(12, length).ToArray(),
        labelPositions: [1, 2, 3, 4, 5],
        targets: [100, 101, 10, 200, 201],
        queryIndices: [0, 0, RecallExample.NoQuery, 1, 1],
        queryCount: 2,
        subtask: new RecallSubtask(length, 2));

    [Fact]
    public void QueryNeedsAllValueTokens()
    {
        var examples = new[] { TwoQueryExample(8) };
        var predictions = new[] { new[] { 100, 999, 10, 200, 201 } };

        var score = RecallScorer.Score(examples, predictions);

        var subtask = Assert.Single(score.Subtasks);
        Assert.Equal(2, subtask.Queries);
        Assert.Equal(1, subtask.CorrectQueries);
        Assert.Equal(5, subtask.Tokens);
        Assert.Equal(4, subtask.CorrectTokens);
        Assert.Equal(50.0, subtask.QueryAccuracy);
        Assert.Equal(80.0, subtask.TokenAccuracy);
    }

    [Fact]
    public void ClosingLabelDoesNotAffectQueries()
    {
        var score = RecallScorer.Score([TwoQueryExample(8)], [[100, 101, 0, 200, 201]]);

        Assert.Equal(100.0, score.Subtasks[0].QueryAccuracy);
        Assert.Equal(80.0, score.TokenAccuracy);
    }

    [Fact]
    public void MeanIsUnweightedOverSubtasks()
    {
        // Subtask L = 8 has three examples all correct; subtask L = 16 has one example all wrong.
        var examples = new[] { TwoQueryExample(8), TwoQueryExample(8), TwoQueryExample(8), TwoQueryExample(16) };
        var correct = new[] { 100, 101, 10, 200, 201 };
        var wrong = new[] { 0, 0, 0, 0, 0 };

        var score = RecallScorer.Score(examples, [correct, correct, correct, wrong]);

        Assert.Equal(2, score.Subtasks.Count);
        Assert.Equal(new RecallSubtask(8, 2), score.Subtasks[0].Subtask);
        Assert.Equal(100.0, score.Subtasks[0].QueryAccuracy);
        Assert.Equal(0.0, score.Subtasks[1].QueryAccuracy);
        Assert.Equal(50.0, score.MeanQueryAccuracy);
        Assert.Equal(75.0, score.TokenAccuracy);
    }

    [Fact]
    public void MismatchedPredictionsAreRejected()
    {
        var exception = Assert.Throws<ArgumentException>(() => RecallScorer.Score([TwoQueryExample(8)], [[1, 2]]));
        Assert.Contains("5 labels but 2 predictions", exception.Message);
    }
}
