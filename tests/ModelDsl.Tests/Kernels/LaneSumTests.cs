using System.Runtime.Intrinsics;
using ModelDsl.Kernels.Cpu;

namespace ModelDsl.Tests.Kernels;

/// <summary>
/// The lane sums that backward adds into the B and C gradients: every lane type must add the sum of
/// term i to element i, for counts below, at and above its shuffle-tree width.
/// </summary>
public sealed unsafe class LaneSumTests
{
    public static TheoryData<int> Counts => new() { 1, 3, 8, 9, 16, 17, 32, 40 };

    [Theory]
    [MemberData(nameof(Counts))]
    public void Lanes512_AddsEachTermsSumToItsElement(int count)
    {
        var terms = new Vector512<float>[count];
        for (var i = 0; i < count; i++)
        {
            terms[i] = Vector512.Create(Values(i, 16));
        }

        AssertAdds(count, 16, destination => Lanes512.AddLaneSums(terms, destination, 1));
    }

    [Theory]
    [MemberData(nameof(Counts))]
    public void Lanes256_AddsEachTermsSumToItsElement(int count)
    {
        var terms = new Vector256<float>[count];
        for (var i = 0; i < count; i++)
        {
            terms[i] = Vector256.Create(Values(i, 8));
        }

        AssertAdds(count, 8, destination => Lanes256.AddLaneSums(terms, destination, 1));
    }

    [Theory]
    [MemberData(nameof(Counts))]
    public void LanesScalar_AddsEachTermToItsElement(int count)
    {
        var terms = Enumerable.Range(0, count).Select(i => Values(i, 1)[0]).ToArray();
        AssertAdds(count, 1, destination => LanesScalar.AddLaneSums(terms, destination, 1));
    }

    // Distinct small integers, so every float sum is exact whatever the order of additions.
    private static float[] Values(int term, int width) => Enumerable.Range(0, width).Select(lane => (float)(term * 37 + lane * 3 + 1)).ToArray();

    // The destination starts at 1000 + i and has a guard element on each side that must not change.
    private static void AssertAdds(int count, int width, Action<NativeFloatBuffer> add)
    {
        var data = new float[count + 2];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = 1000 + i;
        }

        fixed (float* pointer = data)
        {
            add(new NativeFloatBuffer((nint)pointer));
        }

        Assert.Equal(1000f, data[0]);
        Assert.Equal(1000f + count + 1, data[count + 1]);
        for (var i = 0; i < count; i++)
        {
            Assert.Equal(1000f + i + 1 + Values(i, width).Sum(), data[i + 1]);
        }
    }
}
