using ModelDsl.Kernels;
using ModelDsl.Modules;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ModelDsl.Tests.Modules;

/// <summary>
/// A language model written by hand in the shape the source generator emits: fields
/// <c>backbone</c> and, untied only, <c>lm_head</c>. Its constructor calls RegisterComponents, then InitializeParameters.
/// </summary>
internal sealed class HandWrittenModel : MambaLanguageModel
{
#pragma warning disable IDE1006 // PyTorch parameter names
    private readonly MambaBackbone backbone;
    private readonly Linear? lm_head;
#pragma warning restore IDE1006

    public HandWrittenModel(ModelDescription description, ModelOptions? options = null)
        : base(description.Name, description, options)
    {
        var layers = new List<nn.Module<Tensor, Tensor>>();
        foreach (var layer in description.Layers)
        {
            var name = $"layers.{layer.Index}";
            layers.Add(layer.Kind switch
            {
                LayerKind.Mamba => new MambaBlock(name, layer.Mixer!, description.NormEps, new TestScanKernel(layer.Mixer!.DState), Options.ScanPath),
                LayerKind.Mlp => new MlpBlock(name, description.DModel, description.NormEps),
                _ => throw new ArgumentOutOfRangeException(nameof(description), layer.Kind, $"Layer {layer.Index} has an unknown kind."),
            });
        }

        backbone = new MambaBackbone("backbone", description.VocabSize, description.DModel, description.NormEps, layers);
        if (!description.TieEmbeddings)
        {
            lm_head = nn.Linear(description.DModel, description.VocabSize, hasBias: false);
        }

        RegisterComponents();
        InitializeParameters();
    }

    public MambaBackbone Backbone => backbone;

    public override Tensor ForwardHidden(Tensor inputIds) => backbone.call(inputIds);

    public override Tensor ComputeLogits(Tensor hidden) =>
        lm_head is null ? nn.functional.linear(hidden, backbone.Embeddings.weight!) : lm_head.call(hidden);
}

/// <summary>Stand-in for a generated kernel class: the base class's Forward runs the reference scan.</summary>
internal sealed class TestScanKernel(int dState) : SelectiveScanKernel(dState);
