using ModelDsl.Generators.Model;

namespace ModelDsl.Generators.Emitters.Kernels;

/// <summary>
/// Emits the generic forward method: per time step the fused softplus Δ, then for each state n
/// <c>h_n = exp(δ·A_n)·h_n + δ·B_n·x</c> and <c>y += C_n·h_n</c>, then the D skip and the SiLU(z)
/// gate. It stores only the output and, when requested, the state entering each chunk.
/// </summary>
internal static class CpuScanForwardEmitter
{
    /// <summary>Name of the emitted method.</summary>
    public const string MethodName = "ForwardCpuLanes";

    /// <summary>Writes the forward method for <paramref name="spec"/>.</summary>
    public static void Emit(IndentedWriter writer, ScanKernelSpec spec)
    {
        var n = spec.DState;
        var math = CpuScanNames.Math;
        var states = CpuScanStepEmitter.Local("ChunkStates");

        CpuScanStepEmitter.EmitSignature(writer, MethodName, "in " + CpuScanNames.Problem + " problem, long batch, long channel");
        using (writer.OpenBlock())
        {
            CpuScanStepEmitter.EmitLocals(writer, spec);
            writer.WriteLine("var outputBuffer = problem.Output;");
            writer.WriteLine("bool saveStates = " + states + ".IsPresent;");
            for (var i = 0; i < n; i++)
            {
                writer.WriteLine("TVector h" + i + " = TLanes.Broadcast(0f);");
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
                    for (var i = 0; i < n; i++)
                    {
                        writer.WriteLine("TLanes.Store(" + states + ", stateOffset + " + i + "L * channels, h" + i + ");");
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
                    writer.WriteLine("TVector y = TLanes.Multiply(skip, x);");
                    for (var i = 0; i < n; i++)
                    {
                        writer.WriteLine(
                            "h" + i + " = TLanes.MultiplyAdd(" + math + "Exp(TLanes.Multiply(delta, a" + i + ")), h" + i
                            + ", TLanes.Multiply(deltaX, TLanes.Broadcast(bBuffer[stateRow + " + i + "])));");
                        writer.WriteLine("y = TLanes.MultiplyAdd(h" + i + ", TLanes.Broadcast(cBuffer[stateRow + " + i + "]), y);");
                    }

                    writer.WriteLine("TLanes.Store(outputBuffer, offset, TLanes.Multiply(y, " + math + "Silu(TLanes.Load(zBuffer, offset))));");
                }
            }
        }
    }
}
