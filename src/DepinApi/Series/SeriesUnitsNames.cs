using System.Diagnostics.CodeAnalysis;

namespace DepinApi.Series;

/// <summary>The wire names of <see cref="SeriesUnits"/> ("lin", "chg", "pch", "pc1"), FRED's spelling.</summary>
public static class SeriesUnitsNames
{
    /// <summary>The name of the units a series is in when none are asked for: levels.</summary>
    public const string Default = "lin";

    /// <summary>The expected form, for error messages.</summary>
    public const string Format = "one of lin, chg, pch, pc1";

    public static string ToName(this SeriesUnits units) => units switch
    {
        SeriesUnits.Lin => Default,
        SeriesUnits.Chg => "chg",
        SeriesUnits.Pch => "pch",
        SeriesUnits.Pc1 => "pc1",
        _ => throw new ArgumentOutOfRangeException(nameof(units), units, null),
    };

    /// <summary>Every name, in the order of <see cref="SeriesUnits"/>.</summary>
    public static IReadOnlyList<string> All { get; } = Enum.GetValues<SeriesUnits>().Select(u => u.ToName()).ToArray();

    /// <summary>Accepts exactly the lower-case names.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out SeriesUnits units)
    {
        foreach (var candidate in Enum.GetValues<SeriesUnits>())
        {
            if (text == candidate.ToName())
            {
                units = candidate;
                return true;
            }
        }
        units = SeriesUnits.Lin;
        return false;
    }
}
