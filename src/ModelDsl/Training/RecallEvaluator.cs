using ModelDsl.Modules;
using ModelDsl.Tasks;
using static TorchSharp.torch;

namespace ModelDsl.Training;

/// <summary>Runs a model over recall examples and scores the argmax prediction at every label.</summary>
public static class RecallEvaluator
{
    /// <summary>Returns the argmax token at every label of every example, in example order.</summary>
    public static IReadOnlyList<int[]> Predict(MambaLanguageModel model, IReadOnlyList<RecallExample> examples, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);

        var predictions = new int[examples.Count][];
        var wasTraining = model.training;
        model.eval();
        try
        {
            using var noGrad = no_grad();
            var byLength = Enumerable.Range(0, examples.Count).GroupBy(index => examples[index].Length);
            foreach (var chunk in byLength.SelectMany(group => group.Chunk(batchSize)))
            {
                PredictBatch(model, examples, chunk, predictions);
            }
        }
        finally
        {
            model.train(wasTraining);
        }

        return predictions;
    }

    /// <summary>Predicts and scores <paramref name="examples"/>.</summary>
    public static RecallScore Evaluate(MambaLanguageModel model, IReadOnlyList<RecallExample> examples, int batchSize) =>
        RecallScorer.Score(examples, Predict(model, examples, batchSize));

    private static void PredictBatch(MambaLanguageModel model, IReadOnlyList<RecallExample> examples, int[] indices, int[][] predictions)
    {
        using var scope = NewDisposeScope();
        var batchExamples = indices.Select(index => examples[index]).ToArray();
        using var batch = RecallBatch.Create(batchExamples);
        var logits = model.ForwardAt(batch.InputIds, batch.BatchIndex, batch.Positions);
        var argmax = logits.argmax(-1).data<long>().ToArray();

        var offset = 0;
        for (var b = 0; b < indices.Length; b++)
        {
            var count = batchExamples[b].LabelPositions.Length;
            predictions[indices[b]] = argmax.Skip(offset).Take(count).Select(id => (int)id).ToArray();
            offset += count;
        }
    }
}
