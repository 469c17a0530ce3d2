using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ModelDsl.Modules;

/// <summary>
/// Draws initial parameter values from one random generator and records which parameters it has
/// written, so a model can check that every parameter got the reference initialisation.
/// </summary>
/// <remarks>
/// NOTE: TorchSharp 0.107's <c>nn.init.uniform_</c> and <c>nn.init.normal_</c> accept a generator
/// but draw from the global one (two generators with the same seed give different values), so this
/// class calls <c>Tensor.uniform_</c> and <c>Tensor.normal_</c>, which honour it.
/// </remarks>
internal sealed class ParameterInitializer : IDisposable
{
    private readonly Generator? generator;
    private readonly HashSet<Parameter> initialized = new(ReferenceEqualityComparer.Instance);

    /// <param name="seed">Seed of a private CPU generator, or <c>null</c> to draw from TorchSharp's global generator.</param>
    public ParameterInitializer(long? seed)
    {
        if (seed is long value)
        {
            generator = new Generator(unchecked((ulong)value), CPU);
        }
    }

    /// <summary>Whether <paramref name="parameter"/> has been written by this initializer.</summary>
    public bool IsInitialized(Parameter parameter) => initialized.Contains(parameter);

    /// <summary>Fills <paramref name="parameter"/> with <paramref name="value"/>.</summary>
    public void Fill(Parameter parameter, double value)
    {
        using (no_grad())
        {
            parameter.fill_(value);
        }

        initialized.Add(parameter);
    }

    /// <summary>Copies <paramref name="values"/> (any dtype, same shape) into <paramref name="parameter"/>.</summary>
    public void Copy(Parameter parameter, Tensor values)
    {
        using (no_grad())
        {
            parameter.copy_(values);
        }

        initialized.Add(parameter);
    }

    /// <summary>Draws <paramref name="parameter"/> from U(<paramref name="low"/>, <paramref name="high"/>).</summary>
    public void Uniform(Parameter parameter, double low, double high)
    {
        using (no_grad())
        {
            parameter.uniform_(low, high, generator);
        }

        initialized.Add(parameter);
    }

    /// <summary>Draws <paramref name="parameter"/> from N(<paramref name="mean"/>, <paramref name="std"/>²).</summary>
    public void Normal(Parameter parameter, double mean, double std)
    {
        using (no_grad())
        {
            parameter.normal_(mean, std, generator);
        }

        initialized.Add(parameter);
    }

    /// <summary>
    /// Draws a weight from Kaiming-uniform with <c>a = √5</c>, PyTorch's default for Linear and
    /// Conv1d weights, which reduces to U(−1/√fan_in, 1/√fan_in).
    /// </summary>
    public void KaimingUniform(Parameter weight)
    {
        var bound = 1.0 / Math.Sqrt(FanIn(weight));
        Uniform(weight, -bound, bound);
    }

    /// <summary>
    /// Draws a bias from U(−1/√fan_in, 1/√fan_in) with the fan-in of its layer's
    /// <paramref name="weight"/>, PyTorch's default bias initialisation.
    /// </summary>
    public void DefaultBias(Parameter bias, Parameter weight)
    {
        var bound = 1.0 / Math.Sqrt(FanIn(weight));
        Uniform(bias, -bound, bound);
    }

    /// <summary>Draws values in float64 from U(0, 1), shape <paramref name="size"/>.</summary>
    public Tensor UniformSample(params long[] size)
    {
        return rand(size, ScalarType.Float64, generator: generator);
    }

    /// <summary>Initialises a Linear layer the PyTorch way (Kaiming-uniform weight) but with a zero bias.</summary>
    public void LinearWithZeroBias(Linear linear)
    {
        KaimingUniform(linear.weight);
        if (linear.bias is { } bias)
        {
            Fill(bias, 0.0);
        }
    }

    /// <summary>Initialises a Conv1d layer with PyTorch's defaults for weight and bias.</summary>
    public void DefaultConv1d(Conv1d conv)
    {
        KaimingUniform(conv.weight);
        if (conv.bias is { } bias)
        {
            DefaultBias(bias, conv.weight);
        }
    }

    public void Dispose() => generator?.Dispose();

    private static long FanIn(Tensor weight)
    {
        if (weight.dim() < 2)
        {
            throw new ArgumentException($"Fan-in needs a weight of at least 2 dimensions, got shape [{string.Join(", ", weight.shape)}].", nameof(weight));
        }

        long receptiveField = 1;
        for (var i = 2; i < weight.dim(); i++)
        {
            receptiveField *= weight.shape[i];
        }

        return weight.shape[1] * receptiveField;
    }
}
