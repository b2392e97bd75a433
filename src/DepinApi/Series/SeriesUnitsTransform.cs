using DepinApi.ReadModel;

namespace DepinApi.Series;

/// <summary>
/// Applies <see cref="SeriesUnits"/> to revenue figures. REST and GraphQL both call this, so the same figure
/// transforms to the same number in either view.
/// </summary>
/// <remarks>
/// A series is one project's figures of one metric. Its earlier figure is the one of the same series in the
/// quarter <see cref="LookBackQuarters"/> back. Sources sometimes state one quarter twice (a table and a sentence);
/// then the earlier figure from the same source is used, and when that does not single one out the value is null
/// rather than a guess. A value whose inputs are missing, or whose base is zero for a percent change, is null — never 0.
/// </remarks>
public static class SeriesUnitsTransform
{
    /// <summary>Decimal places kept in a percent change (a change in USD keeps the figures' own cents).</summary>
    public const int PercentDecimals = 6;

    /// <summary>How many quarters before the first requested one must be read to transform it.</summary>
    public static int LookBackQuarters(SeriesUnits units) => units switch
    {
        SeriesUnits.Lin => 0,
        SeriesUnits.Chg or SeriesUnits.Pch => 1,
        SeriesUnits.Pc1 => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(units), units, null),
    };

    /// <summary>
    /// The first quarter to read so that figures from <paramref name="from"/> on can be transformed
    /// (null when the series is read from its start anyway).
    /// </summary>
    public static Quarter? ReadFrom(Quarter? from, SeriesUnits units) =>
        from?.AddQuarters(-LookBackQuarters(units));

    /// <summary>
    /// The transformed value of every figure, by figure id. <paramref name="figures"/> must hold each series'
    /// earlier quarters too (read from <see cref="ReadFrom"/>); their own values are computed like the others.
    /// </summary>
    public static IReadOnlyDictionary<string, decimal?> Apply(IEnumerable<RevenueFigure> figures, SeriesUnits units)
    {
        var all = figures.ToList();
        var result = new Dictionary<string, decimal?>(all.Count, StringComparer.Ordinal);
        if (units == SeriesUnits.Lin)
        {
            foreach (var figure in all) result[figure.Id] = figure.AmountUsd;
            return result;
        }

        var byPoint = all.ToLookup(f => (f.Project, f.Metric, f.Quarter));
        var back = LookBackQuarters(units);
        foreach (var figure in all)
        {
            var earlier = Earlier(byPoint[(figure.Project, figure.Metric, figure.Quarter.AddQuarters(-back))], figure);
            result[figure.Id] = earlier is null ? null : Transform(units, figure.AmountUsd, earlier.AmountUsd);
        }
        return result;
    }

    /// <summary>The value of <paramref name="level"/> against <paramref name="earlier"/>, or null when undefined.</summary>
    public static decimal? Transform(SeriesUnits units, decimal level, decimal earlier) => units switch
    {
        SeriesUnits.Lin => level,
        SeriesUnits.Chg => level - earlier,
        SeriesUnits.Pch or SeriesUnits.Pc1 => earlier == 0
            ? null
            : Math.Round((level / earlier - 1m) * 100m, PercentDecimals, MidpointRounding.AwayFromZero),
        _ => throw new ArgumentOutOfRangeException(nameof(units), units, null),
    };

    private static RevenueFigure? Earlier(IEnumerable<RevenueFigure> candidates, RevenueFigure figure)
    {
        var list = candidates.ToList();
        if (list.Count == 1) return list[0];
        var sameSource = list.Where(c => c.Source.Id == figure.Source.Id).ToList();
        return sameSource.Count == 1 ? sameSource[0] : null;
    }
}
