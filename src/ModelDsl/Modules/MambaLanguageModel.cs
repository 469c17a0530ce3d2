using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ModelDsl.Modules;

/// <summary>
/// Base of the generated language models: token ids (B, L) to logits (B, L, vocab). A generated
/// subclass owns the fields <c>backbone</c> (a <see cref="MambaBackbone"/>) and, with an untied head,
/// <c>lm_head</c>. It calls <c>RegisterComponents()</c> and then <see cref="InitializeParameters"/>
/// at the end of its constructor.
/// </summary>
public abstract class MambaLanguageModel : nn.Module<Tensor, Tensor>
{
    /// <param name="name">Module name, normally the declaring class's name.</param>
    /// <param name="architecture">Description of the declared model.</param>
    /// <param name="options">Run-time options, or <c>null</c> for the defaults.</param>
    protected MambaLanguageModel(string name, ModelDescription architecture, ModelOptions? options)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        Architecture = architecture;
        Options = options ?? new ModelOptions();
    }

    /// <summary>Description of the declared model.</summary>
    public ModelDescription Architecture { get; }

    /// <summary>Run-time options the model was built with.</summary>
    public ModelOptions Options { get; }

    /// <summary>Maps token ids (B, L), int64, to hidden states (B, L, d_model) after the final RMSNorm.</summary>
    public abstract Tensor ForwardHidden(Tensor inputIds);

    /// <summary>Applies the LM head: (..., d_model) to logits (..., vocab).</summary>
    public abstract Tensor ComputeLogits(Tensor hidden);

    /// <summary>Maps token ids (B, L), int64, to logits (B, L, vocab).</summary>
    public override Tensor forward(Tensor inputIds)
    {
        using var scope = NewDisposeScope();
        var logits = ComputeLogits(ForwardHidden(inputIds));
        return logits.MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Computes logits only at the given positions: the hidden states at
    /// <c>(batchIndex[i], positions[i])</c> are gathered first and the LM head runs on those
    /// alone, so training pays for the head only where there are labels.
    /// </summary>
    /// <param name="inputIds">Token ids (B, L), int64.</param>
    /// <param name="batchIndex">Sequence index of each requested position, (M), int64, in [0, B).</param>
    /// <param name="positions">Time step of each requested position, (M), int64, in [0, L).</param>
    /// <returns>Logits (M, vocab).</returns>
    public Tensor ForwardAt(Tensor inputIds, Tensor batchIndex, Tensor positions)
    {
        ArgumentNullException.ThrowIfNull(inputIds);
        ValidatePositionIndex(batchIndex, nameof(batchIndex), inputIds.dim() > 0 ? inputIds.shape[0] : 0);
        ValidatePositionIndex(positions, nameof(positions), inputIds.dim() > 1 ? inputIds.shape[1] : 0);
        if (batchIndex.shape[0] != positions.shape[0])
        {
            throw new ArgumentException(
                $"batchIndex and positions must have the same length, got {batchIndex.shape[0]} and {positions.shape[0]}.",
                nameof(positions));
        }

        using var scope = NewDisposeScope();
        var hidden = ForwardHidden(inputIds);
        var selected = hidden.index(batchIndex, positions);
        return ComputeLogits(selected).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Parameters that get no weight decay: <c>A_log</c>, <c>D</c>, every norm weight and every
    /// bias (the Δ bias <c>dt_proj.bias</c> and the convolution biases included). Each parameter
    /// appears once, even when it is shared (a tied LM head).
    /// </summary>
    public IReadOnlyList<Parameter> NoWeightDecayParameters() => SplitByWeightDecay().NoDecay;

    /// <summary>Parameters that get weight decay: every parameter not in <see cref="NoWeightDecayParameters"/>.</summary>
    public IReadOnlyList<Parameter> WeightDecayParameters() => SplitByWeightDecay().Decay;

    /// <summary>
    /// Writes the reference initialisation into every parameter, walking the module tree: each
    /// mixer and MLP initialises its own parameters, norms get ones, the embedding N(0, 0.02²),
    /// and any other Linear (an untied <c>lm_head</c>) PyTorch's Kaiming-uniform weight and a zero
    /// bias. With <see cref="ModelOptions.Seed"/> set, every value is drawn from one generator
    /// seeded with it, so the same seed gives bit-identical parameters.
    /// </summary>
    /// <exception cref="InvalidOperationException">
    /// A parameter belongs to a module type this method does not know, or the number of residual
    /// blocks or of parameters differs from the description.
    /// </exception>
    protected void InitializeParameters()
    {
        var nLayers = Architecture.NLayers;
        var blocks = modules().Count(module => module is MambaBlock or MlpBlock);
        if (blocks != nLayers)
        {
            throw new InvalidOperationException(
                $"Model '{GetName()}' has {blocks} residual blocks, but its description {Architecture.Name} declares {nLayers} layers; build one block per declared layer.");
        }

        using var initializer = new ParameterInitializer(Options.Seed);
        foreach (var module in modules())
        {
            switch (module)
            {
                case MambaMixer mixer:
                    mixer.ResetParameters(initializer, nLayers);
                    break;
                case Mlp mlp:
                    mlp.ResetParameters(initializer, nLayers);
                    break;
                case RMSNorm norm:
                    norm.ResetParameters(initializer);
                    break;
                case Embedding embedding:
                    // Embedding.weight returns a new wrapper on every call, so use the registered parameter.
                    initializer.Normal(RegisteredParameter(embedding, "weight"), 0.0, 0.02);
                    break;
                case Linear linear when !initializer.IsInitialized(linear.weight):
                    initializer.LinearWithZeroBias(linear);
                    break;
            }
        }

        var parameterCount = named_parameters().Sum(entry => entry.parameter.numel());
        if (parameterCount != Architecture.ParameterCount)
        {
            throw new InvalidOperationException(
                $"Model '{GetName()}' has {parameterCount} parameters, but its description {Architecture.Name} declares {Architecture.ParameterCount}; the description's counting and the modules disagree.");
        }

        var missing = named_parameters()
            .Where(entry => !initializer.IsInitialized(entry.parameter))
            .Select(entry => entry.name)
            .ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"No initialisation rule covers the parameters {string.Join(", ", missing)} of model '{GetName()}'; build the model from MambaBackbone, MambaBlock, MlpBlock and Linear modules.");
        }
    }

    private static Parameter RegisteredParameter(nn.Module module, string name) =>
        module.named_parameters(recurse: false).First(entry => entry.name == name).parameter;

    private (List<Parameter> Decay, List<Parameter> NoDecay) SplitByWeightDecay()
    {
        var seen = new HashSet<Parameter>(ReferenceEqualityComparer.Instance);
        var decay = new List<Parameter>();
        var noDecay = new List<Parameter>();
        foreach (var module in modules())
        {
            foreach (var (name, parameter) in module.named_parameters(recurse: false))
            {
                if (!seen.Add(parameter))
                {
                    continue;
                }

                var exempt = module is RMSNorm
                    || name == "bias"
                    || (module is MambaMixer && name is "A_log" or "D");
                (exempt ? noDecay : decay).Add(parameter);
            }
        }

        return (decay, noDecay);
    }

    private static void ValidatePositionIndex(Tensor index, string name, long bound)
    {
        ArgumentNullException.ThrowIfNull(index, name);
        if (index.dim() != 1 || index.dtype != ScalarType.Int64)
        {
            throw new ArgumentException($"{name} must be a 1-D int64 tensor, got {index.dtype} of shape [{string.Join(", ", index.shape)}].", name);
        }

        if (index.numel() == 0)
        {
            return;
        }

        using var minTensor = index.min();
        using var maxTensor = index.max();
        var min = minTensor.item<long>();
        var max = maxTensor.item<long>();
        if (min < 0 || max >= bound)
        {
            throw new ArgumentOutOfRangeException(name, $"{name} values must lie in [0, {bound - 1}], got values from {min} to {max}.");
        }
    }
}
