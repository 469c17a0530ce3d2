namespace ModelDsl.Kernels.Cpu;

/// <summary>A run of <paramref name="Width"/> neighbouring channels that one kernel call processes.</summary>
/// <param name="Channel">First channel.</param>
/// <param name="Width">Lane count: 16, 8 or 1.</param>
internal readonly record struct CpuScanBlock(long Channel, int Width)
{
    /// <summary>
    /// Splits <paramref name="channels"/> into blocks of <paramref name="laneWidth"/> lanes, then
    /// 8-lane blocks where the widest register is 16 lanes, then single channels for the rest.
    /// </summary>
    public static CpuScanBlock[] Plan(long channels, int laneWidth)
    {
        var blocks = new List<CpuScanBlock>();
        long channel = 0;
        for (; channel + laneWidth <= channels; channel += laneWidth)
        {
            blocks.Add(new CpuScanBlock(channel, laneWidth));
        }

        if (laneWidth > 8)
        {
            for (; channel + 8 <= channels; channel += 8)
            {
                blocks.Add(new CpuScanBlock(channel, 8));
            }
        }

        for (; channel < channels; channel++)
        {
            blocks.Add(new CpuScanBlock(channel, 1));
        }

        return blocks.ToArray();
    }
}
