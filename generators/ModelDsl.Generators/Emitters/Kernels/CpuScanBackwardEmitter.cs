using ModelDsl.Generators.Model;

namespace ModelDsl.Generators.Emitters.Kernels;

/// <summary>
/// Emits the generic backward method for one chunk of one channel block. The backend calls it for
/// the chunks from last to first. It recomputes the states <c>h_t</c> and decays <c>Ā_t</c> of the
/// chunk from the saved entering state into the worker's buffers, then runs the reverse scan
/// <c>G_t = gy_t·C_t + Ā_{t+1}·G_{t+1}</c> over the chunk. Element-wise gradients are stored
/// directly. The lane products of the B and C gradients (sums over channels) are added into the
/// worker's term buffers, which the backend sums over lanes once all the worker's blocks have run
/// the chunk. What a block carries from chunk to chunk (the state gradient, A and its gradient, the
/// D and Δ bias gradients) lives in its block state and goes into the worker's partial sums after
/// the first chunk.
/// </summary>
/// <remarks>
/// Unlike forward, backward keeps its per-state values in the workspace and loops over d_state in
/// blocks of <see cref="CpuScanStepEmitter.MaxStatesPerBlock"/> unrolled states. With every state
/// unrolled, backward at d_state 16 took about 700 ms against about 100 ms in this form (batch 4,
/// L 1024, E 256, .NET 10, AVX-512), because the JIT optimises such large methods less well.
/// </remarks>
internal static class CpuScanBackwardEmitter
{
    /// <summary>Name of the emitted method.</summary>
    public const string MethodName = "BackwardCpuLanes";

    /// <summary>Writes the backward method for <paramref name="spec"/>.</summary>
    public static void Emit(IndentedWriter writer, ScanKernelSpec spec)
    {
        var n = spec.DState;
        var block = CpuScanStepEmitter.StatesPerBlock(n);

        CpuScanStepEmitter.EmitSignature(
            writer,
            MethodName,
            "in " + CpuScanNames.Problem + " problem, in " + CpuScanNames.Workspace + " workspace, long batch, long channel, long chunk");
        using (writer.OpenBlock())
        {
            CpuScanStepEmitter.EmitLocals(writer, spec, unrolledA: false);
            writer.WriteLine("var aBuffer = problem.ATransposed;");
            writer.WriteLine("var outputGradientBuffer = problem.OutputGradient;");
            writer.WriteLine("var gradXBuffer = problem.GradX;");
            writer.WriteLine("var gradDeltaPreBuffer = problem.GradDeltaPre;");
            writer.WriteLine("var gradZBuffer = problem.GradZ;");
            if (spec.Mode != ScanMode.Plain)
            {
                writer.WriteLine("var gradGBuffer = problem.GradG;");
            }

            writer.WriteLine("var historyBuffer = workspace.History;");
            writer.WriteLine("var decayBuffer = workspace.Decay;");
            writer.WriteLine("var carryBuffer = workspace.Carry;");
            writer.WriteLine("var aLanesBuffer = workspace.ALanes;");
            writer.WriteLine("var gradALanesBuffer = workspace.GradALanes;");
            writer.WriteLine("var termsBBuffer = workspace.TermsB;");
            writer.WriteLine("var termsCBuffer = workspace.TermsC;");
            writer.WriteLine("var blockSumsBuffer = workspace.BlockSums;");
            writer.WriteLine("int width = TLanes.Width;");
            writer.WriteLine("const int termStride = " + CpuScanNames.Workspace + ".TermStride;");
            writer.WriteLine("long chunkStart = chunk * chunkLength;");
            writer.WriteLine("int steps = (int)global::System.Math.Min(chunkLength, length - chunkStart);");
            writer.WriteLine("long stateOffset = (batch * problem.ChunkCount + chunk) * " + n + "L * channels + channel;");
            writer.WriteLine();
            writer.WriteLine("// The last chunk runs first and starts the block state; the D and Δ bias gradients sit at 0 and termStride.");
            writer.WriteLine("// carry_n = Ā_{t+1}·G_{t+1}, the gradient that reaches h_t through h_{t+1}; zero after the last step.");
            writer.WriteLine("// A of the block and its gradient are kept lane-major, (d_state, lanes), so state n is at n·width.");
            writer.WriteLine("if (chunk == problem.ChunkCount - 1)");
            using (writer.OpenBlock())
            {
                writer.WriteLine("for (int n = 0; n < " + n + "; n++)");
                using (writer.OpenBlock())
                {
                    writer.WriteLine("TLanes.Store(carryBuffer, (long)n * width, TLanes.Broadcast(0f));");
                    writer.WriteLine("TLanes.Store(aLanesBuffer, (long)n * width, TLanes.Load(aBuffer, (long)n * channels + channel));");
                    writer.WriteLine("TLanes.Store(gradALanesBuffer, (long)n * width, TLanes.Broadcast(0f));");
                }

                writer.WriteLine("TLanes.Store(blockSumsBuffer, 0, TLanes.Broadcast(0f));");
                writer.WriteLine("TLanes.Store(blockSumsBuffer, termStride, TLanes.Broadcast(0f));");
            }

            writer.WriteLine();
            writer.WriteLine("TVector gradSkip = TLanes.Load(blockSumsBuffer, 0);");
            writer.WriteLine("TVector gradBias = TLanes.Load(blockSumsBuffer, termStride);");
            EmitRecompute(writer, spec, block);
            writer.WriteLine();
            EmitReverse(writer, spec, block);
            writer.WriteLine();
            writer.WriteLine("TLanes.Store(blockSumsBuffer, 0, gradSkip);");
            writer.WriteLine("TLanes.Store(blockSumsBuffer, termStride, gradBias);");
            writer.WriteLine("if (chunk == 0)");
            using (writer.OpenBlock())
            {
                writer.WriteLine("var gradABuffer = workspace.GradATransposed;");
                writer.WriteLine("for (int n = 0; n < " + n + "; n++)");
                using (writer.OpenBlock())
                {
                    writer.WriteLine("long aOffset = (long)n * channels + channel;");
                    writer.WriteLine("TLanes.Store(gradABuffer, aOffset, TLanes.Add(TLanes.Load(gradABuffer, aOffset), TLanes.Load(gradALanesBuffer, (long)n * width)));");
                }

                writer.WriteLine("TLanes.Store(workspace.GradD, channel, TLanes.Add(TLanes.Load(workspace.GradD, channel), gradSkip));");
                writer.WriteLine("TLanes.Store(workspace.GradDeltaBias, channel, TLanes.Add(TLanes.Load(workspace.GradDeltaBias, channel), gradBias));");
            }
        }
    }

    private static void EmitRecompute(IndentedWriter writer, ScanKernelSpec spec, int block)
    {
        var n = spec.DState;
        writer.WriteLine();
        writer.WriteLine("// History slot 0 contains the state entering the chunk, and slot s + 1 the state h_t after step s.");
        writer.WriteLine("for (int n = 0; n < " + n + "; n++)");
        using (writer.OpenBlock())
        {
            writer.WriteLine("TLanes.Store(historyBuffer, (long)n * width, TLanes.Load(" + CpuScanStepEmitter.Local("ChunkStates") + ", stateOffset + (long)n * channels));");
        }

        writer.WriteLine();
        writer.WriteLine("// Recompute h_t and Ā_t of the chunk, (step, d_state, lanes), from the saved entering state.");
        writer.WriteLine("for (int s = 0; s < steps; s++)");
        using (writer.OpenBlock())
        {
            EmitStepIndices(writer, n);
            CpuScanStepEmitter.EmitDelta(writer, spec);
            CpuScanStepEmitter.EmitDeltaLog2(writer);
            writer.WriteLine("for (int n = 0; n < " + n + "; n += " + block + ")");
            using (writer.OpenBlock())
            {
                for (var k = 0; k < block; k++)
                {
                    var state = CpuScanStepEmitter.StateInBlock(k);
                    writer.WriteLine("{");
                    using (writer.Indent())
                    {
                        writer.WriteLine("long lane = (long)(" + state + ") * width;");
                        writer.WriteLine("TVector decay = " + CpuScanStepEmitter.Decay("TLanes.Load(aLanesBuffer, lane)") + ";");
                        writer.WriteLine("TVector state = TLanes.MultiplyAdd(decay, TLanes.Load(historyBuffer, slot + lane), TLanes.Multiply(deltaX, TLanes.Broadcast(bBuffer[stateRow + " + state + "])));");
                        writer.WriteLine("TLanes.Store(historyBuffer, next + lane, state);");
                        writer.WriteLine("TLanes.Store(decayBuffer, slot + lane, decay);");
                    }

                    writer.WriteLine("}");
                }
            }
        }
    }

    private static void EmitReverse(IndentedWriter writer, ScanKernelSpec spec, int block)
    {
        var n = spec.DState;
        var math = CpuScanNames.Math;
        writer.WriteLine("for (int s = steps - 1; s >= 0; s--)");
        using (writer.OpenBlock())
        {
            EmitStepIndices(writer, n);
            CpuScanStepEmitter.EmitDelta(writer, spec);
            writer.WriteLine("TVector z = TLanes.Load(zBuffer, offset);");
            writer.WriteLine("TVector sigmoidZ = " + math + "Sigmoid(z);");
            writer.WriteLine("TVector outputGradient = TLanes.Load(outputGradientBuffer, offset);");
            writer.WriteLine("TVector gradY = TLanes.Multiply(outputGradient, TLanes.Multiply(z, sigmoidZ));");
            writer.WriteLine("TVector y = TLanes.Multiply(skip, x);");
            writer.WriteLine("TVector gradDelta = TLanes.Broadcast(0f);");
            writer.WriteLine("TVector gradX = TLanes.Multiply(skip, gradY);");
            writer.WriteLine();
            writer.WriteLine("for (int n = 0; n < " + n + "; n += " + block + ")");
            using (writer.OpenBlock())
            {
                for (var k = 0; k < block; k++)
                {
                    EmitReverseState(writer, CpuScanStepEmitter.StateInBlock(k));
                }
            }

            writer.WriteLine();
            writer.WriteLine("// SiLU'(z) = σ(z)·(1 + z·(1 − σ(z))).");
            writer.WriteLine("TVector siluZDerivative = TLanes.Multiply(sigmoidZ, TLanes.MultiplyAdd(z, TLanes.Subtract(TLanes.Broadcast(1f), sigmoidZ), TLanes.Broadcast(1f)));");
            writer.WriteLine("TLanes.Store(gradZBuffer, offset, TLanes.Multiply(TLanes.Multiply(outputGradient, y), siluZDerivative));");
            writer.WriteLine("gradSkip = TLanes.MultiplyAdd(gradY, x, gradSkip);");
            writer.WriteLine("TVector gradPre = TLanes.Multiply(gradDelta, " + math + "SoftplusDerivative(pre));");
            writer.WriteLine("gradBias = TLanes.Add(gradBias, gradPre);");
            writer.WriteLine("TLanes.Store(gradXBuffer, offset, gradX);");
            switch (spec.Mode)
            {
                case ScanMode.GateDelta:
                    writer.WriteLine("TLanes.Store(gradDeltaPreBuffer, offset, TLanes.Multiply(gradPre, gate));");
                    writer.WriteLine("TLanes.Store(gradGBuffer, offset, TLanes.Multiply(TLanes.Multiply(gradPre, deltaPre), " + math + "SiluDerivative(g)));");
                    break;
                case ScanMode.AddToInput:
                    writer.WriteLine("TLanes.Store(gradDeltaPreBuffer, offset, gradPre);");
                    writer.WriteLine("TLanes.Store(gradGBuffer, offset, TLanes.Multiply(gradX, " + math + "SiluDerivative(g)));");
                    break;
                default:
                    writer.WriteLine("TLanes.Store(gradDeltaPreBuffer, offset, gradPre);");
                    break;
            }
        }
    }

    private static void EmitReverseState(IndentedWriter writer, string state)
    {
        writer.WriteLine("{");
        using (writer.Indent())
        {
            writer.WriteLine("long lane = (long)(" + state + ") * width;");
            writer.WriteLine("TVector hidden = TLanes.Load(historyBuffer, next + lane);");
            writer.WriteLine("TVector decay = TLanes.Load(decayBuffer, slot + lane);");
            writer.WriteLine("TVector b = TLanes.Broadcast(bBuffer[stateRow + " + state + "]);");
            writer.WriteLine("TVector c = TLanes.Broadcast(cBuffer[stateRow + " + state + "]);");
            writer.WriteLine("y = TLanes.MultiplyAdd(hidden, c, y);");
            writer.WriteLine("long term = termRow + (long)(" + state + ") * termStride;");
            writer.WriteLine("TLanes.Store(termsCBuffer, term, TLanes.MultiplyAdd(gradY, hidden, TLanes.Load(termsCBuffer, term)));");
            writer.WriteLine("TVector grad = TLanes.MultiplyAdd(gradY, c, TLanes.Load(carryBuffer, lane));");
            writer.WriteLine("TVector previous = TLanes.Load(historyBuffer, slot + lane);");
            writer.WriteLine("TVector gradDecayTimesDecay = TLanes.Multiply(TLanes.Multiply(grad, previous), decay);");
            writer.WriteLine("gradDelta = TLanes.MultiplyAdd(gradDecayTimesDecay, TLanes.Load(aLanesBuffer, lane), gradDelta);");
            writer.WriteLine("TLanes.Store(gradALanesBuffer, lane, TLanes.MultiplyAdd(gradDecayTimesDecay, delta, TLanes.Load(gradALanesBuffer, lane)));");
            writer.WriteLine("TVector gradInput = TLanes.Multiply(grad, b);");
            writer.WriteLine("gradDelta = TLanes.MultiplyAdd(gradInput, x, gradDelta);");
            writer.WriteLine("gradX = TLanes.MultiplyAdd(gradInput, delta, gradX);");
            writer.WriteLine("TLanes.Store(termsBBuffer, term, TLanes.MultiplyAdd(grad, deltaX, TLanes.Load(termsBBuffer, term)));");
            writer.WriteLine("TLanes.Store(carryBuffer, lane, TLanes.Multiply(grad, decay));");
        }

        writer.WriteLine("}");
    }

    private static void EmitStepIndices(IndentedWriter writer, int n)
    {
        writer.WriteLine("long row = batch * length + chunkStart + s;");
        writer.WriteLine("long termRow = (long)s * " + n + "L * termStride;");
        writer.WriteLine("long offset = row * channels + channel;");
        writer.WriteLine("long stateRow = row * " + n + "L;");
        writer.WriteLine("long slot = (long)s * " + n + "L * width;");
        writer.WriteLine("long next = slot + " + n + "L * width;");
    }
}
