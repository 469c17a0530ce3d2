using ModelDsl.Generators.Model;

namespace ModelDsl.Generators.Emitters.Kernels;

internal static partial class IlgpuScanEmitter
{
    /// <summary>
    /// Writes the forward kernel: softplus Δ, discretisation, recurrence, C·h, D skip and the SiLU(z) gate in
    /// one pass per thread, storing the gated output and the state entering every chunk.
    /// </summary>
    private static void EmitForward(IndentedWriter writer, ScanKernelSpec spec)
    {
        var n = spec.DState;
        writer.WriteLine("/// <summary>ILGPU forward selective scan of one (batch, channel) per thread, d_state = " + n + ".</summary>");
        writer.WriteLine("private static void IlgpuForwardKernel(global::ILGPU.Index1D index, " + RuntimeNamespace + "IlgpuScanForwardArguments args)");
        using (writer.OpenBlock())
        {
            EmitThreadSetUp(writer, spec);
            for (var i = 0; i < n; i++)
            {
                writer.WriteLine("float h" + i + " = 0f;");
            }

            writer.WriteLine();
            writer.WriteLine("for (int t = 0; t < args.Length; t++)");
            using (writer.OpenBlock())
            {
                writer.WriteLine("if (t % args.ChunkLength == 0)");
                using (writer.OpenBlock())
                {
                    writer.WriteLine("long stateBase = (long)(t / args.ChunkLength) * " + n + " * threads + thread;");
                    for (var i = 0; i < n; i++)
                    {
                        writer.WriteLine("args.ChunkStates[" + StateOffset("stateBase", i) + "] = h" + i + ";");
                    }
                }

                writer.WriteLine();
                EmitStepInputs(writer, spec);
                writer.WriteLine("float y = skip * u;");
                for (var i = 0; i < n; i++)
                {
                    writer.WriteLine("h" + i + " = " + ScanMath + "Exp(delta * a" + i + ") * h" + i + " + deltaU * args.B[projection + " + i + "];");
                    writer.WriteLine("y += h" + i + " * args.C[projection + " + i + "];");
                }

                writer.WriteLine("args.Output[offset] = y * " + ScanMath + "Silu(args.Z[offset]);");
            }
        }
    }
}
