using System.Collections.Generic;
using ModelDsl.Generators.Diagnostics;

namespace ModelDsl.Generators.Parsing;

/// <summary>
/// The <c>[MambaMixer]</c> property values that apply to one layer, merged along the declaration
/// chain, each with the location that last set it.
/// </summary>
internal sealed class MixerProperties
{
    public const string DState = nameof(DState);
    public const string DConv = nameof(DConv);
    public const string Expand = nameof(Expand);
    public const string DtRank = nameof(DtRank);
    public const string DtMin = nameof(DtMin);
    public const string DtMax = nameof(DtMax);
    public const string DtInitFloor = nameof(DtInitFloor);
    public const string ConvBias = nameof(ConvBias);
    public const string Bias = nameof(Bias);

    /// <summary>Integer properties, in declaration order.</summary>
    public static readonly string[] IntegerNames = { DState, DConv, Expand, DtRank };

    /// <summary>Floating-point properties, in declaration order.</summary>
    public static readonly string[] RealNames = { DtMin, DtMax, DtInitFloor };

    /// <summary>Boolean properties, in declaration order.</summary>
    public static readonly string[] FlagNames = { ConvBias, Bias };

    private readonly Dictionary<string, Setting<int>> integers = new Dictionary<string, Setting<int>>
    {
        [DState] = new Setting<int>(16, null),
        [DConv] = new Setting<int>(4, null),
        [Expand] = new Setting<int>(2, null),
        [DtRank] = new Setting<int>(0, null),
    };

    private readonly Dictionary<string, Setting<double>> reals = new Dictionary<string, Setting<double>>
    {
        [DtMin] = new Setting<double>(0.001, null),
        [DtMax] = new Setting<double>(0.1, null),
        [DtInitFloor] = new Setting<double>(1e-4, null),
    };

    private readonly Dictionary<string, Setting<bool>> flags = new Dictionary<string, Setting<bool>>
    {
        [ConvBias] = new Setting<bool>(true, null),
        [Bias] = new Setting<bool>(false, null),
    };

    public Setting<int> Integer(string name) => integers[name];

    public Setting<double> Real(string name) => reals[name];

    public Setting<bool> Flag(string name) => flags[name];

    /// <summary>Copies every property that <paramref name="attribute"/> sets and returns their names.</summary>
    public List<string> Apply(AttributeArguments attribute)
    {
        var applied = new List<string>();
        foreach (var name in IntegerNames)
        {
            if (attribute.TryGetInt(name, out var setting))
            {
                integers[name] = setting;
                applied.Add(name);
            }
        }

        foreach (var name in RealNames)
        {
            if (attribute.TryGetDouble(name, out var setting))
            {
                reals[name] = setting;
                applied.Add(name);
            }
        }

        foreach (var name in FlagNames)
        {
            if (attribute.TryGetBool(name, out var setting))
            {
                flags[name] = setting;
                applied.Add(name);
            }
        }

        return applied;
    }

    /// <summary>Location that set property <paramref name="name"/>; <c>null</c> while it has its default.</summary>
    public LocationInfo? LocationOf(string name)
    {
        if (integers.TryGetValue(name, out var integer))
        {
            return integer.Location;
        }

        if (reals.TryGetValue(name, out var real))
        {
            return real.Location;
        }

        return flags.TryGetValue(name, out var flag) ? flag.Location : null;
    }
}
