using ModelDsl.Generators.Tests.Infrastructure;

namespace ModelDsl.Generators.Tests;

/// <summary>
/// Half-typed declarations, as the compiler parses them while the user types, must never make the
/// generator throw: it reports diagnostics or generates nothing.
/// </summary>
public sealed class IncompleteCodeTests
{
    private static readonly string[] Declarations =
    {
        "[MambaModel(VocabSize = , DModel = 16, Layers = 1)] public partial class A;",
        "[MambaModel(VocabSize = \"many\", DModel = 16, Layers = 1)] public partial class B;",
        "[MambaModel(VocabSize = 64, DModel = 16, Layers = 1 public partial class C;",
        "[MambaModel(VocabSize = 64, DModel = Unknown.Width, Layers = 1)] public partial class D;",
        "[MambaModel] public partial class E;",
        "[MambaModel(VocabSize = 64, DModel = 16, Layers = 2)] [Layer(] public partial class F;",
        "[MambaModel(VocabSize = 64, DModel = 16, Layers = 2)] [Layer(1)] public partial class G;",
        "[MambaModel(VocabSize = 64, DModel = 16, Layers = 2)] [Layer(1, LayerKind.Attention)] public partial class H;",
        "[MambaModel(VocabSize = 64, DModel = 16, Layers = 2)] [MambaMixer(Layers = new[] { 1, )] public partial class I;",
        "[MambaModel(VocabSize = 64, DModel = 16, Layers = 2)] [MambaMixer(Layers = null, DState = )] public partial class J;",
        "[MambaModel(VocabSize = 64, DModel = 16, Layers = 2)] [GlobalSelection(KernelSize = 12, Layers = new int[] { x })] public partial class K;",
        "[VariantOf(typeof())] public partial class L;",
        "[VariantOf(typeof(Missing))] public partial class M;",
        "[VariantOf] public partial class N;",
        "[VariantOf(typeof(int))] public partial class O;",
        "[MambaModel(VocabSize = 64, DModel = 16, Layers = 1)] public partial class",
        "[MambaModel(VocabSize = 64, DModel = 16, Layers = 1)] [MambaMixer(DtMin = double.NaN, DtMax = 1.0 / 0)] public partial class P;",
        "[MambaModel(VocabSize = int.MaxValue, DModel = int.MaxValue, Layers = 1)] public partial class Q;",
        "[MambaModel(VocabSize = 64, DModel = 16, Layers = 1)] public partial struct R;",
        "[MambaModel(VocabSize = 64, DModel = 16, Layers = 1)] public partial record S;",
    };

    public static TheoryData<string> HalfTypedDeclarations => new(Declarations);

    [Theory]
    [MemberData(nameof(HalfTypedDeclarations))]
    public void HalfTypedDeclaration_DoesNotThrow(string declaration)
    {
        var output = GeneratorHarness.Run("using ModelDsl;\n\nnamespace Samples;\n\n" + declaration);

        var result = output.RunResult.Results.Single();
        Assert.Null(result.Exception);
        Assert.DoesNotContain(output.GeneratorDiagnostics, diagnostic => diagnostic.Id is "CS8784" or "CS8785");
        Assert.DoesNotContain(output.Diagnostics, diagnostic => diagnostic.Id is "CS8784" or "CS8785");
    }

    [Fact]
    public void HalfTypedDeclarations_TogetherDoNotThrow()
    {
        var sources = Declarations.Select(declaration => "using ModelDsl;\n\nnamespace Samples;\n\n" + declaration).ToArray();

        var output = GeneratorHarness.Run(sources);

        Assert.Null(output.RunResult.Results.Single().Exception);
        Assert.DoesNotContain(output.GeneratorDiagnostics, diagnostic => diagnostic.Id is "CS8784" or "CS8785");
    }
}
