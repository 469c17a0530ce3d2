using ModelDsl.Modules;
using static TorchSharp.torch;

namespace ModelDsl.Tests.Modules;

/// <summary>
/// The language model's forward pass in float64 with plain loops, written from the block equations
/// and independent of TorchSharp operations: embedding, pre-norm residual blocks (Mamba mixer or
/// MLP), final RMSNorm and LM head. Weights are read from a model by parameter name.
/// </summary>
internal sealed class Float64ReferenceModel
{
    private readonly ModelDescription description;
    private readonly Dictionary<string, double[]> weights;

    public Float64ReferenceModel(MambaLanguageModel model)
    {
        description = model.Architecture;
        weights = model.named_parameters().ToDictionary(entry => entry.name, entry => ToArray(entry.parameter));
    }

    public static double[] ToArray(Tensor tensor) =>
        tensor.detach().to(ScalarType.Float64).contiguous().flatten().data<double>().ToArray();

    /// <summary>Logits [batch][time][vocab] for token ids [batch, time].</summary>
    public double[][][] Logits(long[,] ids)
    {
        var batch = ids.GetLength(0);
        var length = ids.GetLength(1);
        var dModel = description.DModel;
        var embedding = weights["backbone.embeddings.weight"];
        var head = description.TieEmbeddings ? embedding : weights["lm_head.weight"];

        var logits = new double[batch][][];
        for (var b = 0; b < batch; b++)
        {
            var hidden = new double[length][];
            for (var t = 0; t < length; t++)
            {
                hidden[t] = embedding.AsSpan((int)(ids[b, t] * dModel), dModel).ToArray();
            }

            foreach (var layer in description.Layers)
            {
                var prefix = $"backbone.layers.{layer.Index}";
                var normed = hidden.Select(h => RmsNorm(h, weights[$"{prefix}.norm.weight"])).ToArray();
                var update = layer.Mixer is { } settings ? Mixer(normed, $"{prefix}.mixer", settings) : Mlp(normed, $"{prefix}.mixer");
                for (var t = 0; t < length; t++)
                {
                    for (var i = 0; i < dModel; i++)
                    {
                        hidden[t][i] += update[t][i];
                    }
                }
            }

            logits[b] = hidden
                .Select(h => Linear(RmsNorm(h, weights["backbone.norm_f.weight"]), head, description.VocabSize, bias: null))
                .ToArray();
        }

        return logits;
    }

    private double[] RmsNorm(double[] x, double[] weight)
    {
        var meanSquare = x.Sum(v => v * v) / x.Length;
        var scale = 1.0 / Math.Sqrt(meanSquare + description.NormEps);
        return x.Select((v, i) => v * scale * weight[i]).ToArray();
    }

    private double[][] Mlp(double[][] u, string prefix)
    {
        var hiddenWidth = 4 * description.DModel;
        return u.Select(ut =>
        {
            var hidden = Linear(ut, weights[$"{prefix}.fc1.weight"], hiddenWidth, weights[$"{prefix}.fc1.bias"]);
            return Linear(hidden.Select(Gelu).ToArray(), weights[$"{prefix}.fc2.weight"], description.DModel, weights[$"{prefix}.fc2.bias"]);
        }).ToArray();
    }

    private double[][] Mixer(double[][] u, string prefix, MixerSettings s)
    {
        var length = u.Length;
        int e = s.DInner, n = s.DState, r = s.DtRank;
        double[]? Optional(string name) => weights.TryGetValue($"{prefix}.{name}", out var value) ? value : null;

        // in_proj, split into x and z.
        var xz = u.Select(ut => Linear(ut, weights[$"{prefix}.in_proj.weight"], 2 * e, Optional("in_proj.bias"))).ToArray();
        var x = xz.Select(v => v[..e]).ToArray();
        var z = xz.Select(v => v[e..]).ToArray();

        // Global selection reads x before the short convolution.
        double[][]? g = s.GlobalSelection is null
            ? null
            : CausalDepthwiseConv(x, weights[$"{prefix}.long_conv.weight"], weights[$"{prefix}.long_conv.bias"], s.GlobalSelection.KernelSize);
        var xc = CausalDepthwiseConv(x, weights[$"{prefix}.conv1d.weight"], Optional("conv1d.bias"), s.DConv)
            .Select(v => v.Select(Silu).ToArray())
            .ToArray();

        var xDbl = xc.Select(v => Linear(v, weights[$"{prefix}.x_proj.weight"], r + 2 * n, bias: null)).ToArray();
        var deltaPre = xDbl.Select(v => Linear(v[..r], weights[$"{prefix}.dt_proj.weight"], e, bias: null)).ToArray();
        var dtBias = weights[$"{prefix}.dt_proj.bias"];
        var aLog = weights[$"{prefix}.A_log"];
        var skip = weights[$"{prefix}.D"];

        var scanInput = xc;
        if (g is not null)
        {
            if (s.GlobalSelection!.Variant == GlobalSelectionVariant.GateDelta)
            {
                deltaPre = deltaPre.Select((v, t) => v.Select((value, c) => value * Silu(g[t][c])).ToArray()).ToArray();
            }
            else
            {
                scanInput = xc.Select((v, t) => v.Select((value, c) => value + Silu(g[t][c])).ToArray()).ToArray();
            }
        }

        // Selective scan per channel c and state n: h_t = exp(δ_t A) h_{t−1} + δ_t B_t x_t, y_t = C_t · h_t + D x_t.
        var y = new double[length][];
        for (var t = 0; t < length; t++)
        {
            y[t] = new double[e];
        }

        for (var c = 0; c < e; c++)
        {
            var h = new double[n];
            for (var t = 0; t < length; t++)
            {
                var delta = Softplus(deltaPre[t][c] + dtBias[c]);
                var sum = 0.0;
                for (var k = 0; k < n; k++)
                {
                    var a = -Math.Exp(aLog[c * n + k]);
                    var bk = xDbl[t][r + k];
                    var ck = xDbl[t][r + n + k];
                    h[k] = Math.Exp(delta * a) * h[k] + delta * bk * scanInput[t][c];
                    sum += ck * h[k];
                }

                y[t][c] = (sum + skip[c] * scanInput[t][c]) * Silu(z[t][c]);
            }
        }

        return y.Select(v => Linear(v, weights[$"{prefix}.out_proj.weight"], s.DModel, Optional("out_proj.bias"))).ToArray();
    }

    /// <summary>Depthwise convolution with weight (E, 1, K): output t depends on inputs t − K + 1 … t, zeros before the start.</summary>
    private static double[][] CausalDepthwiseConv(double[][] x, double[] weight, double[]? bias, int kernelSize)
    {
        var channels = x[0].Length;
        var output = new double[x.Length][];
        for (var t = 0; t < x.Length; t++)
        {
            output[t] = new double[channels];
            for (var c = 0; c < channels; c++)
            {
                var sum = bias?[c] ?? 0.0;
                for (var j = 0; j < kernelSize; j++)
                {
                    var source = t - (kernelSize - 1) + j;
                    if (source >= 0)
                    {
                        sum += weight[c * kernelSize + j] * x[source][c];
                    }
                }

                output[t][c] = sum;
            }
        }

        return output;
    }

    /// <summary>y = W x + b with W stored row-major as (outFeatures, x.Length).</summary>
    private static double[] Linear(double[] x, double[] weight, int outFeatures, double[]? bias)
    {
        var y = new double[outFeatures];
        for (var o = 0; o < outFeatures; o++)
        {
            var sum = bias?[o] ?? 0.0;
            for (var i = 0; i < x.Length; i++)
            {
                sum += weight[o * x.Length + i] * x[i];
            }

            y[o] = sum;
        }

        return y;
    }

    public static double Silu(double v) => v / (1 + Math.Exp(-v));

    // The scan passes values above 20 through, like the fused kernels.
    private static double Softplus(double v) => v > 20 ? v : Math.Log(1 + Math.Exp(v));

    private static double Gelu(double v) => 0.5 * v * (1 + Erf(v / Math.Sqrt(2)));

    /// <summary>
    /// The error function to about 1e-15: its Maclaurin series below 2.5, and the continued
    /// fraction of erfc above, where the series would lose digits to cancellation.
    /// </summary>
    private static double Erf(double v)
    {
        var x = Math.Abs(v);
        double result;
        if (x < 2.5)
        {
            double term = x, sum = x;
            for (var k = 1; Math.Abs(term) > 1e-18; k++)
            {
                term *= -x * x / k;
                sum += term / (2 * k + 1);
            }

            result = 2 / Math.Sqrt(Math.PI) * sum;
        }
        else
        {
            // erfc(x) = exp(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))).
            var fraction = x;
            for (var k = 120; k >= 1; k--)
            {
                fraction = x + k / 2.0 / fraction;
            }

            result = 1 - Math.Exp(-x * x) / (Math.Sqrt(Math.PI) * fraction);
        }

        return Math.Sign(v) * result;
    }
}
