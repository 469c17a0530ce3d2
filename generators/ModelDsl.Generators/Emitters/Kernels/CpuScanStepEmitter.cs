using ModelDsl.Generators.Model;

namespace ModelDsl.Generators.Emitters.Kernels;

/// <summary>Emits the statements that forward and backward share: buffer locals and the Δ of one time step.</summary>
internal static class CpuScanStepEmitter
{
    /// <summary>
    /// Writes locals for the problem's buffers and scalars, so the JIT keeps them in registers instead
    /// of reloading them after every store through a buffer.
    /// </summary>
    /// <param name="unrolledA">Whether to load A of every state into locals <c>a0</c>…, for a fully unrolled method.</param>
    public static void EmitLocals(IndentedWriter writer, ScanKernelSpec spec, bool unrolledA)
    {
        writer.WriteLine("long length = problem.Length;");
        writer.WriteLine("long channels = problem.Channels;");
        writer.WriteLine("int chunkLength = problem.ChunkLength;");
        foreach (var name in new[] { "X", "DeltaPre", "B", "C", "Z", "ChunkStates" })
        {
            writer.WriteLine("var " + Local(name) + " = problem." + name + ";");
        }

        if (spec.Mode != ScanMode.Plain)
        {
            writer.WriteLine("var " + Local("G") + " = problem.G;");
        }

        writer.WriteLine("TVector deltaBias = TLanes.Load(problem.DeltaBias, channel);");
        writer.WriteLine("TVector skip = TLanes.Load(problem.D, channel);");
        for (var n = 0; unrolledA && n < spec.DState; n++)
        {
            writer.WriteLine("TVector a" + n + " = TLanes.Load(problem.ATransposed, " + n + "L * channels + channel);");
        }
    }

    /// <summary>
    /// Writes the loads of one step at <c>offset</c> and the computation of <c>x</c> (the scan input,
    /// with <c>SiLU(g)</c> added for AddToInput), <c>deltaPre</c> (as loaded), <c>pre</c> (the softplus
    /// argument), <c>delta</c> and <c>deltaX = δ·x</c>. GateDelta also leaves <c>g</c> and <c>gate = SiLU(g)</c>,
    /// AddToInput leaves <c>g</c>.
    /// </summary>
    public static void EmitDelta(IndentedWriter writer, ScanKernelSpec spec)
    {
        writer.WriteLine("TVector x = TLanes.Load(" + Local("X") + ", offset);");
        writer.WriteLine("TVector deltaPre = TLanes.Load(" + Local("DeltaPre") + ", offset);");
        switch (spec.Mode)
        {
            case ScanMode.GateDelta:
                writer.WriteLine("TVector g = TLanes.Load(" + Local("G") + ", offset);");
                writer.WriteLine("TVector gate = " + CpuScanNames.Math + "Silu(g);");
                writer.WriteLine("TVector pre = TLanes.MultiplyAdd(deltaPre, gate, deltaBias);");
                break;
            case ScanMode.AddToInput:
                writer.WriteLine("TVector g = TLanes.Load(" + Local("G") + ", offset);");
                writer.WriteLine("x = TLanes.Add(x, " + CpuScanNames.Math + "Silu(g));");
                writer.WriteLine("TVector pre = TLanes.Add(deltaPre, deltaBias);");
                break;
            default:
                writer.WriteLine("TVector pre = TLanes.Add(deltaPre, deltaBias);");
                break;
        }

        writer.WriteLine("TVector delta = " + CpuScanNames.Math + "Softplus(pre);");
        writer.WriteLine("TVector deltaX = TLanes.Multiply(delta, x);");
    }

    /// <summary>
    /// Writes <c>deltaLog2 = δ·log2 e</c>, once per step, so the decay of each state is
    /// <c>exp(δ·A) = 2^(deltaLog2·A)</c> at one multiply.
    /// </summary>
    public static void EmitDeltaLog2(IndentedWriter writer)
        => writer.WriteLine("TVector deltaLog2 = TLanes.Multiply(delta, TLanes.Broadcast(" + CpuScanNames.Math + "Log2E));");

    /// <summary>Returns the expression of the decay <c>exp(δ·A)</c> for the A register <paramref name="a"/>.</summary>
    public static string Decay(string a) => CpuScanNames.Math + "Exp2(TLanes.Multiply(deltaLog2, " + a + "))";

    /// <summary>Most states handled by one unrolled loop body in a method that loops over d_state.</summary>
    public const int MaxStatesPerBlock = 4;

    /// <summary>
    /// Returns the largest divisor of <paramref name="dState"/> up to <see cref="MaxStatesPerBlock"/>,
    /// so unrolled blocks tile d_state exactly.
    /// </summary>
    public static int StatesPerBlock(int dState)
    {
        for (var size = MaxStatesPerBlock; size > 1; size--)
        {
            if (dState % size == 0)
            {
                return size;
            }
        }

        return 1;
    }

    /// <summary>Returns the expression of state <paramref name="offset"/> within the block that starts at <c>n</c>.</summary>
    public static string StateInBlock(int offset) => offset == 0 ? "n" : "n + " + offset;

    /// <summary>Returns the local variable name of a problem buffer, such as <c>xBuffer</c>.</summary>
    public static string Local(string name) => char.ToLowerInvariant(name[0]) + name.Substring(1) + "Buffer";

    /// <summary>Writes the signature and constraints of a method generic over TLanes and TVector.</summary>
    public static void EmitSignature(IndentedWriter writer, string name, string parameters)
    {
        writer.WriteLine("private static void " + name + "<TLanes, TVector>(" + parameters + ")");
        using (writer.Indent())
        {
            foreach (var constraint in CpuScanNames.Constraints)
            {
                writer.WriteLine(constraint);
            }
        }
    }
}
