namespace ModelDsl.Tasks;

/// <summary>Counts and accuracies of one (L, N) subtask.</summary>
/// <param name="Subtask">The subtask.</param>
/// <param name="Queries">Queries scored.</param>
/// <param name="CorrectQueries">Queries whose every value token was predicted correctly.</param>
/// <param name="Tokens">Labelled positions scored.</param>
/// <param name="CorrectTokens">Labelled positions predicted correctly.</param>
public sealed record SubtaskScore(RecallSubtask Subtask, int Queries, int CorrectQueries, int Tokens, int CorrectTokens)
{
    /// <summary>Query accuracy in percent, 100 · correct / total.</summary>
    public double QueryAccuracy => Queries == 0 ? 0 : 100.0 * CorrectQueries / Queries;

    /// <summary>Token accuracy over labelled positions in percent.</summary>
    public double TokenAccuracy => Tokens == 0 ? 0 : 100.0 * CorrectTokens / Tokens;
}
