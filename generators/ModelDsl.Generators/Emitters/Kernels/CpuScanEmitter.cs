using ModelDsl.Generators.Model;

namespace ModelDsl.Generators.Emitters.Kernels;

/// <summary>
/// Emits the CPU members of a kernel class: the two overrides that the CPU backend calls per
/// (batch, channel block), which dispatch on the lane width to generic forward and backward methods
/// with d_state unrolled into separate locals.
/// </summary>
internal static class CpuScanEmitter
{
    /// <summary>Writes the CPU members of the kernel for <paramref name="spec"/> into the open class body.</summary>
    public static void EmitMembers(IndentedWriter writer, ScanKernelSpec spec)
    {
        writer.WriteLine("/// <inheritdoc />");
        writer.WriteLine("protected override bool HasFusedKernels => true;");
        writer.WriteLine();
        EmitDispatch(
            writer,
            "ForwardCpuBlock",
            "in " + CpuScanNames.Problem + " problem, long batch, long channel, int width",
            CpuScanForwardEmitter.MethodName,
            "in problem, batch, channel");
        writer.WriteLine();
        EmitDispatch(
            writer,
            "BackwardCpuBlock",
            "in " + CpuScanNames.Problem + " problem, in " + CpuScanNames.Workspace + " workspace, long batch, long channel, long chunk, int width",
            CpuScanBackwardEmitter.MethodName,
            "in problem, in workspace, batch, channel, chunk");
        writer.WriteLine();
        CpuScanForwardEmitter.Emit(writer, spec);
        writer.WriteLine();
        CpuScanBackwardEmitter.Emit(writer, spec);
    }

    private static void EmitDispatch(IndentedWriter writer, string overrideName, string parameters, string target, string arguments)
    {
        writer.WriteLine("/// <inheritdoc />");
        writer.WriteLine("protected override void " + overrideName + "(" + parameters + ")");
        using (writer.OpenBlock())
        {
            writer.WriteLine("switch (width)");
            using (writer.OpenBlock())
            {
                EmitCase(writer, 16, target, CpuScanNames.Lanes512, CpuScanNames.Vector512, arguments);
                EmitCase(writer, 8, target, CpuScanNames.Lanes256, CpuScanNames.Vector256, arguments);
                EmitCase(writer, 1, target, CpuScanNames.LanesScalar, "float", arguments);
                writer.WriteLine("default:");
                using (writer.Indent())
                {
                    writer.WriteLine("throw new global::System.ArgumentOutOfRangeException(nameof(width), width, \"The CPU scan kernels take 16, 8 or 1 lanes.\");");
                }
            }
        }
    }

    private static void EmitCase(IndentedWriter writer, int width, string target, string lanes, string vector, string arguments)
    {
        writer.WriteLine("case " + width + ":");
        using (writer.Indent())
        {
            writer.WriteLine(target + "<" + lanes + ", " + vector + ">(" + arguments + ");");
            writer.WriteLine("break;");
        }
    }
}
