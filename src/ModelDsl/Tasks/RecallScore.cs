namespace ModelDsl.Tasks;

/// <summary>Scores of a recall evaluation, per subtask and overall.</summary>
/// <param name="Subtasks">Scores per (L, N) subtask, ordered by L then N.</param>
public sealed record RecallScore(IReadOnlyList<SubtaskScore> Subtasks)
{
    /// <summary>Headline score: the unweighted mean of the subtasks' query accuracies, in percent.</summary>
    public double MeanQueryAccuracy => Subtasks.Count == 0 ? 0 : Subtasks.Average(score => score.QueryAccuracy);

    /// <summary>Token accuracy over every labelled position of every subtask, in percent.</summary>
    public double TokenAccuracy
    {
        get
        {
            var tokens = Subtasks.Sum(score => (long)score.Tokens);
            return tokens == 0 ? 0 : 100.0 * Subtasks.Sum(score => (long)score.CorrectTokens) / tokens;
        }
    }
}
