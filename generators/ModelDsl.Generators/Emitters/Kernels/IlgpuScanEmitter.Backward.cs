using ModelDsl.Generators.Model;

namespace ModelDsl.Generators.Emitters.Kernels;

internal static partial class IlgpuScanEmitter
{
    /// <summary>
    /// Writes the backward kernel. It walks the chunks from last to first; in each chunk it first recomputes
    /// the states from the saved boundary state, storing <c>h_{t−1}</c> in scratch and producing the
    /// gradients of z and C, then runs the reverse scan <c>G_t = gy_t·C_t + Ā_{t+1}·G_{t+1}</c> over the
    /// chunk for the other gradients. Per-channel sums stay in registers until one atomic add at the end.
    /// </summary>
    private static void EmitBackward(IndentedWriter writer, ScanKernelSpec spec)
    {
        var n = spec.DState;
        writer.WriteLine("/// <summary>ILGPU backward selective scan of one (batch, channel) per thread, d_state = " + n + ".</summary>");
        writer.WriteLine("private static void IlgpuBackwardKernel(global::ILGPU.Index1D index, " + RuntimeNamespace + "IlgpuScanBackwardArguments args)");
        using (writer.OpenBlock())
        {
            EmitThreadSetUp(writer, spec);
            writer.WriteLine("// h: state, stateGrad: G_t, nextDecay: Ā_{t+1}, aGrad: Σ_t gĀ·Ā·δ, the gradient of A.");
            for (var i = 0; i < n; i++)
            {
                writer.WriteLine("float h" + i + ";");
                writer.WriteLine("float stateGrad" + i + " = 0f;");
                writer.WriteLine("float nextDecay" + i + " = 0f;");
                writer.WriteLine("float aGrad" + i + " = 0f;");
            }

            writer.WriteLine("float skipGrad = 0f;");
            writer.WriteLine("float biasGrad = 0f;");
            writer.WriteLine("int chunkCount = (args.Length + args.ChunkLength - 1) / args.ChunkLength;");
            writer.WriteLine();
            writer.WriteLine("for (int chunk = chunkCount - 1; chunk >= 0; chunk--)");
            using (writer.OpenBlock())
            {
                writer.WriteLine("int chunkStart = chunk * args.ChunkLength;");
                writer.WriteLine("int chunkEnd = chunkStart + args.ChunkLength < args.Length ? chunkStart + args.ChunkLength : args.Length;");
                writer.WriteLine("long stateBase = (long)chunk * " + n + " * threads + thread;");
                for (var i = 0; i < n; i++)
                {
                    writer.WriteLine("h" + i + " = args.ChunkStates[" + StateOffset("stateBase", i) + "];");
                }

                writer.WriteLine();
                EmitRecomputation(writer, spec);
                writer.WriteLine();
                EmitReverseScan(writer, spec);
            }

            writer.WriteLine();
            for (var i = 0; i < n; i++)
            {
                writer.WriteLine(Atomic + "Add(ref args.ALogGradient[aBase + " + i + "], aGrad" + i + " * a" + i + ");");
            }

            writer.WriteLine(Atomic + "Add(ref args.DGradient[channel], skipGrad);");
            writer.WriteLine(Atomic + "Add(ref args.DeltaBiasGradient[channel], biasGrad);");
        }
    }

    private static void EmitRecomputation(IndentedWriter writer, ScanKernelSpec spec)
    {
        var n = spec.DState;
        writer.WriteLine("for (int t = chunkStart; t < chunkEnd; t++)");
        using (writer.OpenBlock())
        {
            writer.WriteLine("long scratchBase = (long)(t - chunkStart) * " + n + " * threads + thread;");
            for (var i = 0; i < n; i++)
            {
                writer.WriteLine("args.Scratch[" + StateOffset("scratchBase", i) + "] = h" + i + ";");
            }

            EmitStepInputs(writer, spec);
            writer.WriteLine("float z = args.Z[offset];");
            writer.WriteLine("float outputGrad = args.OutputGradient[offset];");
            writer.WriteLine("float yGrad = outputGrad * " + ScanMath + "Silu(z);");
            writer.WriteLine("float y = skip * u;");
            for (var i = 0; i < n; i++)
            {
                writer.WriteLine("h" + i + " = " + ScanMath + "Exp(delta * a" + i + ") * h" + i + " + deltaU * args.B[projection + " + i + "];");
                writer.WriteLine("y += h" + i + " * args.C[projection + " + i + "];");
                writer.WriteLine(Atomic + "Add(ref args.CGradient[projection + " + i + "], yGrad * h" + i + ");");
            }

            writer.WriteLine("args.ZGradient[offset] = outputGrad * y * " + ScanMath + "SiluGradient(z);");
        }
    }

    // NOTE: gB and gC are sums over channels, so all E threads of a batch add into the same address at each
    // step. A warp reduction before the atomic add would cut that contention on GPUs; it is not measured yet.
    private static void EmitReverseScan(IndentedWriter writer, ScanKernelSpec spec)
    {
        var n = spec.DState;
        writer.WriteLine("for (int t = chunkEnd - 1; t >= chunkStart; t--)");
        using (writer.OpenBlock())
        {
            writer.WriteLine("long scratchBase = (long)(t - chunkStart) * " + n + " * threads + thread;");
            EmitStepInputs(writer, spec);
            writer.WriteLine("float yGrad = args.OutputGradient[offset] * " + ScanMath + "Silu(args.Z[offset]);");
            writer.WriteLine("float deltaGrad = 0f;");
            writer.WriteLine("float uGrad = skip * yGrad;");
            for (var i = 0; i < n; i++)
            {
                using (writer.OpenBlock())
                {
                    writer.WriteLine("float decay = " + ScanMath + "Exp(delta * a" + i + ");");
                    writer.WriteLine("float b = args.B[projection + " + i + "];");
                    writer.WriteLine("stateGrad" + i + " = yGrad * args.C[projection + " + i + "] + nextDecay" + i + " * stateGrad" + i + ";");
                    writer.WriteLine("nextDecay" + i + " = decay;");
                    writer.WriteLine("float decayGradTimesDecay = stateGrad" + i + " * args.Scratch[" + StateOffset("scratchBase", i) + "] * decay;");
                    writer.WriteLine("deltaGrad += decayGradTimesDecay * a" + i + " + stateGrad" + i + " * b * u;");
                    writer.WriteLine("aGrad" + i + " += decayGradTimesDecay * delta;");
                    writer.WriteLine("uGrad += stateGrad" + i + " * delta * b;");
                    writer.WriteLine(Atomic + "Add(ref args.BGradient[projection + " + i + "], stateGrad" + i + " * deltaU);");
                }
            }

            writer.WriteLine("skipGrad += yGrad * u;");
            writer.WriteLine("float preGrad = deltaGrad * " + ScanMath + "SoftplusGradient(gatedDeltaPre + deltaBias);");
            writer.WriteLine("biasGrad += preGrad;");
            writer.WriteLine("args.XGradient[offset] = uGrad;");
            switch (spec.Mode)
            {
                case ScanMode.GateDelta:
                    writer.WriteLine("args.DeltaPreGradient[offset] = preGrad * gate;");
                    writer.WriteLine("args.GGradient[offset] = preGrad * deltaPre * " + ScanMath + "SiluGradient(g);");
                    break;
                case ScanMode.AddToInput:
                    writer.WriteLine("args.DeltaPreGradient[offset] = preGrad;");
                    writer.WriteLine("args.GGradient[offset] = uGrad * " + ScanMath + "SiluGradient(g);");
                    break;
                default:
                    writer.WriteLine("args.DeltaPreGradient[offset] = preGrad;");
                    break;
            }
        }
    }
}
