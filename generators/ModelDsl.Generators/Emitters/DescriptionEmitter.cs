using ModelDsl.Generators.Model;

namespace ModelDsl.Generators.Emitters;

/// <summary>Writes the <c>Description</c> property of a model class as one object-creation expression of literals.</summary>
internal static class DescriptionEmitter
{
    public static void Write(IndentedWriter writer, ModelSpec model)
    {
        writer.WriteLine("/// <summary>Architecture of this model, resolved from its declaration at compile time.</summary>");
        writer.WriteLine("public static " + TypeNames.ModelDescription + " Description { get; } = new " + TypeNames.ModelDescription + "(");
        using (writer.Indent())
        {
            writer.WriteLine("Name: " + CSharpLiterals.String(model.ClassName) + ",");
            writer.WriteLine("VocabSize: VocabSize,");
            writer.WriteLine("DModel: DModel,");
            writer.WriteLine("TieEmbeddings: " + CSharpLiterals.Bool(model.TieEmbeddings) + ",");
            writer.WriteLine("NormEps: " + CSharpLiterals.Double(model.NormEps) + ",");
            writer.WriteLine("Layers: new " + TypeNames.LayerDescription + "[]");
            using (writer.OpenBlock(","))
            {
                foreach (var layer in model.Layers)
                {
                    WriteLayer(writer, layer);
                }
            }

            writer.WriteLine("ParameterCount: ParameterCount,");
            writer.WriteLine("StateSizePerToken: StateSizePerToken);");
        }
    }

    private static void WriteLayer(IndentedWriter writer, LayerSpec layer)
    {
        writer.WriteLine("new " + TypeNames.LayerDescription + "(");
        using (writer.Indent())
        {
            writer.WriteLine("Index: " + CSharpLiterals.Int(layer.Index) + ",");
            writer.WriteLine("Kind: " + TypeNames.LayerKind + "." + layer.Kind + ",");
            if (layer.Mixer is null)
            {
                writer.WriteLine("Mixer: null,");
            }
            else
            {
                WriteMixer(writer, layer.Mixer);
            }

            writer.WriteLine("ParameterCount: " + CSharpLiterals.Int(layer.ParameterCount) + ",");
            writer.WriteLine("StateSizePerToken: " + CSharpLiterals.Int(layer.StateSizePerToken) + "),");
        }
    }

    private static void WriteMixer(IndentedWriter writer, MixerSpec mixer)
    {
        writer.WriteLine("Mixer: new " + TypeNames.MixerSettings + "(");
        using (writer.Indent())
        {
            writer.WriteLine("DModel: " + CSharpLiterals.Int(mixer.DModel) + ",");
            writer.WriteLine("DState: " + CSharpLiterals.Int(mixer.DState) + ",");
            writer.WriteLine("DConv: " + CSharpLiterals.Int(mixer.DConv) + ",");
            writer.WriteLine("Expand: " + CSharpLiterals.Int(mixer.Expand) + ",");
            writer.WriteLine("DtRank: " + CSharpLiterals.Int(mixer.DtRank) + ",");
            writer.WriteLine("DtMin: " + CSharpLiterals.Double(mixer.DtMin) + ",");
            writer.WriteLine("DtMax: " + CSharpLiterals.Double(mixer.DtMax) + ",");
            writer.WriteLine("DtInitFloor: " + CSharpLiterals.Double(mixer.DtInitFloor) + ",");
            writer.WriteLine("ConvBias: " + CSharpLiterals.Bool(mixer.ConvBias) + ",");
            writer.WriteLine("Bias: " + CSharpLiterals.Bool(mixer.Bias) + ",");
            if (mixer.GlobalSelection is null)
            {
                writer.WriteLine("GlobalSelection: null),");
            }
            else
            {
                writer.WriteLine(
                    "GlobalSelection: new " + TypeNames.GlobalSelectionSettings + "(KernelSize: "
                    + CSharpLiterals.Int(mixer.GlobalSelection.KernelSize) + ", Variant: "
                    + TypeNames.GlobalSelectionVariant + "." + mixer.GlobalSelection.Mode + ")),");
            }
        }
    }
}
