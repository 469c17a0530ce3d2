using ModelDsl.Generators.Model;

namespace ModelDsl.Generators.Emitters.Kernels;

/// <summary>
/// Emits the ILGPU members of a generated kernel class: a static forward and backward kernel method,
/// specialised to one <see cref="ScanKernelSpec"/>, and the <c>IlgpuKernels</c> override that hands them to
/// the runtime. One kernel thread handles one (batch, channel) pair, so neighbouring threads read
/// neighbouring channels of the (B, L, E) activations. The state loop is unrolled into locals
/// <c>h0</c>…<c>h{N−1}</c>, which ILGPU compiles to registers rather than the local memory of an array
/// (ptxas may still spill some at large d_state).
/// </summary>
internal static partial class IlgpuScanEmitter
{
    private const string RuntimeNamespace = "global::ModelDsl.Kernels.Ilgpu.";
    private const string ScanMath = "global::ModelDsl.Kernels.Ilgpu.IlgpuScanMath.";
    private const string Atomic = "global::ILGPU.Atomic.";

    /// <summary>
    /// Writes the ILGPU members, preceded by a blank line, into the open class body of
    /// <paramref name="spec"/>'s kernel class.
    /// </summary>
    public static void EmitMembers(IndentedWriter writer, ScanKernelSpec spec)
    {
        writer.WriteLine();
        EmitKernelsProperty(writer);
        writer.WriteLine();
        EmitForward(writer, spec);
        writer.WriteLine();
        EmitBackward(writer, spec);
    }

    private static void EmitKernelsProperty(IndentedWriter writer)
    {
        writer.WriteLine("private static readonly " + RuntimeNamespace + "IlgpuScanKernelMethods ilgpuKernels =");
        using (writer.Indent())
        {
            writer.WriteLine("new " + RuntimeNamespace + "IlgpuScanKernelMethods(IlgpuForwardKernel, IlgpuBackwardKernel);");
        }

        writer.WriteLine();
        writer.WriteLine("/// <inheritdoc />");
        writer.WriteLine("public override " + RuntimeNamespace + "IlgpuScanKernelMethods IlgpuKernels => ilgpuKernels;");
    }

    /// <summary>Writes the per-thread set-up shared by both kernels: indices, Δ bias, D and <c>A = −exp(A_log)</c>.</summary>
    private static void EmitThreadSetUp(IndentedWriter writer, ScanKernelSpec spec)
    {
        var n = spec.DState;
        writer.WriteLine("int thread = index.X;");
        writer.WriteLine("int channels = args.Channels;");
        writer.WriteLine("int batch = thread / channels;");
        writer.WriteLine("int channel = thread - batch * channels;");
        writer.WriteLine("long threads = (long)args.Batch * channels;");
        writer.WriteLine("// Offsets are long: B·L·E and B·E·N·L can pass 2^31.");
        writer.WriteLine("long activationBase = (long)batch * args.Length * channels + channel;");
        writer.WriteLine("long projectionBase = (long)batch * args.Length * " + n + ";");
        writer.WriteLine("long aBase = (long)channel * " + n + ";");
        writer.WriteLine("float deltaBias = args.DeltaBias[channel];");
        writer.WriteLine("float skip = args.D[channel];");
        for (var i = 0; i < n; i++)
        {
            writer.WriteLine("float a" + i + " = -" + ScanMath + "Exp(args.ALog[aBase + " + i + "]);");
        }
    }

    /// <summary>
    /// Writes the loads of time step <c>t</c> and the global selection step, which define <c>offset</c>,
    /// <c>projection</c>, the scan input <c>u</c>, <c>gatedDeltaPre</c> (the softplus input minus the bias)
    /// and <c>delta</c>; with <see cref="ScanMode.GateDelta"/> also <c>g</c> and <c>gate</c> = SiLU(g).
    /// </summary>
    private static void EmitStepInputs(IndentedWriter writer, ScanKernelSpec spec)
    {
        writer.WriteLine("long offset = activationBase + (long)t * channels;");
        writer.WriteLine("long projection = projectionBase + (long)t * " + spec.DState + ";");
        writer.WriteLine("float x = args.X[offset];");
        writer.WriteLine("float deltaPre = args.DeltaPre[offset];");
        switch (spec.Mode)
        {
            case ScanMode.GateDelta:
                writer.WriteLine("float g = args.G[offset];");
                writer.WriteLine("float gate = " + ScanMath + "Silu(g);");
                writer.WriteLine("float u = x;");
                writer.WriteLine("float gatedDeltaPre = deltaPre * gate;");
                break;
            case ScanMode.AddToInput:
                writer.WriteLine("float g = args.G[offset];");
                writer.WriteLine("float u = x + " + ScanMath + "Silu(g);");
                writer.WriteLine("float gatedDeltaPre = deltaPre;");
                break;
            default:
                writer.WriteLine("float u = x;");
                writer.WriteLine("float gatedDeltaPre = deltaPre;");
                break;
        }

        writer.WriteLine("float delta = " + ScanMath + "Softplus(gatedDeltaPre + deltaBias);");
        writer.WriteLine("float deltaU = delta * u;");
    }

    /// <summary>Returns the offset of state <paramref name="state"/> from a (…, N, B·E) base offset.</summary>
    private static string StateOffset(string baseName, int state)
        => state == 0 ? baseName : baseName + " + " + state + " * threads";
}
