using ModelDsl.Generators.Model;

namespace ModelDsl.Generators.Emitters.Kernels;

/// <summary>
/// Emits the generic forward method: per time step the fused softplus Δ, then for each state n
/// <c>h_n = exp(δ·A_n)·h_n + δ·B_n·x</c> and <c>y += C_n·h_n</c>, then the D skip and the SiLU(z)
/// gate. It stores only the output and, when requested, the state entering each chunk.
/// </summary>
/// <remarks>
/// Up to <see cref="MaxUnrolledStates"/> states are unrolled into register locals <c>h0</c>…. Larger
/// d_state keeps the states in a stack buffer and loops over them in unrolled blocks. Fully
/// unrolled, d_state 64 ran about seven times slower per state than d_state 16 (measured on .NET 10,
/// AVX-512), because the JIT optimises such large methods less well.
/// </remarks>
internal static class CpuScanForwardEmitter
{
    /// <summary>Name of the emitted method.</summary>
    public const string MethodName = "ForwardCpuLanes";

    /// <summary>Largest d_state whose states are all unrolled into locals.</summary>
    public const int MaxUnrolledStates = 16;

    /// <summary>Writes the forward method for <paramref name="spec"/>.</summary>
    public static void Emit(IndentedWriter writer, ScanKernelSpec spec)
    {
        var n = spec.DState;
        var unrolled = n <= MaxUnrolledStates;
        var states = CpuScanStepEmitter.Local("ChunkStates");

        CpuScanStepEmitter.EmitSignature(writer, MethodName, "in " + CpuScanNames.Problem + " problem, long batch, long channel");
        using (writer.OpenBlock())
        {
            CpuScanStepEmitter.EmitLocals(writer, spec, unrolledA: unrolled);
            writer.WriteLine("var outputBuffer = problem.Output;");
            writer.WriteLine("bool saveStates = " + states + ".IsPresent;");
            if (unrolled)
            {
                for (var i = 0; i < n; i++)
                {
                    writer.WriteLine("TVector h" + i + " = TLanes.Broadcast(0f);");
                }
            }
            else
            {
                writer.WriteLine("var aBuffer = problem.ATransposed;");
                writer.WriteLine("global::System.Span<TVector> hidden = stackalloc TVector[" + n + "];");
                writer.WriteLine("hidden.Clear();");
            }

            writer.WriteLine();
            writer.WriteLine("// Chunk states are (batch, chunk, d_state, channels).");
            writer.WriteLine("long statesBase = batch * problem.ChunkCount * " + n + "L * channels + channel;");
            writer.WriteLine("for (long chunkStart = 0; chunkStart < length; chunkStart += chunkLength)");
            using (writer.OpenBlock())
            {
                writer.WriteLine("if (saveStates)");
                using (writer.OpenBlock())
                {
                    writer.WriteLine("long stateOffset = statesBase + chunkStart / chunkLength * " + n + "L * channels;");
                    if (unrolled)
                    {
                        for (var i = 0; i < n; i++)
                        {
                            writer.WriteLine("TLanes.Store(" + states + ", stateOffset + " + i + "L * channels, h" + i + ");");
                        }
                    }
                    else
                    {
                        writer.WriteLine("for (int n = 0; n < " + n + "; n++)");
                        using (writer.OpenBlock())
                        {
                            writer.WriteLine("TLanes.Store(" + states + ", stateOffset + n * channels, hidden[n]);");
                        }
                    }
                }

                writer.WriteLine();
                writer.WriteLine("long chunkEnd = global::System.Math.Min(chunkStart + chunkLength, length);");
                writer.WriteLine("for (long t = chunkStart; t < chunkEnd; t++)");
                using (writer.OpenBlock())
                {
                    writer.WriteLine("long row = batch * length + t;");
                    writer.WriteLine("long offset = row * channels + channel;");
                    writer.WriteLine("long stateRow = row * " + n + "L;");
                    CpuScanStepEmitter.EmitDelta(writer, spec);
                    CpuScanStepEmitter.EmitDeltaLog2(writer);
                    writer.WriteLine("TVector y = TLanes.Multiply(skip, x);");
                    if (unrolled)
                    {
                        EmitUnrolledStates(writer, n);
                    }
                    else
                    {
                        EmitBlockedStates(writer, n);
                    }

                    writer.WriteLine("TLanes.Store(outputBuffer, offset, TLanes.Multiply(y, " + CpuScanNames.Math + "Silu(TLanes.Load(zBuffer, offset))));");
                }
            }
        }
    }

    private static void EmitUnrolledStates(IndentedWriter writer, int n)
    {
        for (var i = 0; i < n; i++)
        {
            writer.WriteLine(
                "h" + i + " = TLanes.MultiplyAdd(" + CpuScanStepEmitter.Decay("a" + i) + ", h" + i
                + ", TLanes.Multiply(deltaX, TLanes.Broadcast(bBuffer[stateRow + " + i + "])));");
            writer.WriteLine("y = TLanes.MultiplyAdd(h" + i + ", TLanes.Broadcast(cBuffer[stateRow + " + i + "]), y);");
        }
    }

    private static void EmitBlockedStates(IndentedWriter writer, int n)
    {
        var block = CpuScanStepEmitter.StatesPerBlock(n);
        writer.WriteLine("for (int n = 0; n < " + n + "; n += " + block + ")");
        using (writer.OpenBlock())
        {
            for (var k = 0; k < block; k++)
            {
                var state = CpuScanStepEmitter.StateInBlock(k);
                writer.WriteLine("{");
                using (writer.Indent())
                {
                    writer.WriteLine("TVector a = TLanes.Load(aBuffer, (long)(" + state + ") * channels + channel);");
                    writer.WriteLine(
                        "TVector h = TLanes.MultiplyAdd(" + CpuScanStepEmitter.Decay("a") + ", hidden[" + state
                        + "], TLanes.Multiply(deltaX, TLanes.Broadcast(bBuffer[stateRow + " + state + "])));");
                    writer.WriteLine("hidden[" + state + "] = h;");
                    writer.WriteLine("y = TLanes.MultiplyAdd(h, TLanes.Broadcast(cBuffer[stateRow + " + state + "]), y);");
                }

                writer.WriteLine("}");
            }
        }
    }
}
