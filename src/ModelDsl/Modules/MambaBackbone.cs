using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ModelDsl.Modules;

/// <summary>Token embedding, the residual blocks in order, and the final RMSNorm <c>norm_f</c>.</summary>
public sealed class MambaBackbone : nn.Module<Tensor, Tensor>
{
#pragma warning disable IDE1006 // PyTorch parameter names
    private readonly Embedding embeddings;
    private readonly ModuleList<nn.Module<Tensor, Tensor>> layers;
    private readonly RMSNorm norm_f;
#pragma warning restore IDE1006

    /// <param name="name">Module name.</param>
    /// <param name="vocabSize">Number of token ids.</param>
    /// <param name="dModel">Residual width d_model.</param>
    /// <param name="normEps">Epsilon of the final RMSNorm.</param>
    /// <param name="layers">Residual blocks (<see cref="MambaBlock"/>, <see cref="MlpBlock"/>), applied in order.</param>
    public MambaBackbone(string name, int vocabSize, int dModel, double normEps, IReadOnlyList<nn.Module<Tensor, Tensor>> layers)
        : base(name)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(vocabSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dModel);
        ArgumentNullException.ThrowIfNull(layers);
        for (var i = 0; i < layers.Count; i++)
        {
            if (layers[i] is null)
            {
                throw new ArgumentException($"Layer {i} is null; pass a MambaBlock or MlpBlock for every layer.", nameof(layers));
            }
        }

        VocabSize = vocabSize;
        embeddings = nn.Embedding(vocabSize, dModel);
        this.layers = nn.ModuleList(layers.ToArray());
        norm_f = new RMSNorm("norm_f", dModel, normEps);
        RegisterComponents();
    }

    /// <summary>Token embedding, (vocab, d_model).</summary>
    public Embedding Embeddings => embeddings;

    /// <summary>Residual blocks in order.</summary>
    public IReadOnlyList<nn.Module<Tensor, Tensor>> Layers => layers.ToList();

    /// <summary>Number of token ids.</summary>
    public int VocabSize { get; }

    /// <summary>Maps token ids (B, L), int64, to hidden states (B, L, d_model) after <c>norm_f</c>.</summary>
    public override Tensor forward(Tensor inputIds)
    {
        ValidateInputIds(inputIds);

        using var scope = NewDisposeScope();
        var hidden = embeddings.call(inputIds);
        foreach (var layer in layers)
        {
            hidden = layer.call(hidden);
        }

        return norm_f.call(hidden).MoveToOuterDisposeScope();
    }

    private void ValidateInputIds(Tensor inputIds)
    {
        if (inputIds.dim() != 2 || inputIds.dtype != ScalarType.Int64)
        {
            throw new ArgumentException(
                $"Token ids must be an int64 tensor of shape (batch, length), got {inputIds.dtype} of shape [{string.Join(", ", inputIds.shape)}].",
                nameof(inputIds));
        }

        if (inputIds.shape[0] == 0 || inputIds.shape[1] == 0)
        {
            throw new ArgumentException(
                $"Token ids need at least one sequence and one position, got shape [{string.Join(", ", inputIds.shape)}].",
                nameof(inputIds));
        }

        using var minTensor = inputIds.min();
        using var maxTensor = inputIds.max();
        var min = minTensor.item<long>();
        var max = maxTensor.item<long>();
        if (min < 0 || max >= VocabSize)
        {
            throw new ArgumentOutOfRangeException(
                nameof(inputIds),
                $"Token ids must lie in [0, {VocabSize - 1}] for vocabulary size {VocabSize}, got values from {min} to {max}.");
        }
    }
}
