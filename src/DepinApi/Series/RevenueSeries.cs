using DepinApi.ReadModel;

namespace DepinApi.Series;

/// <summary>A revenue figure of a series and its value in the units asked for (null when undefined, never 0).</summary>
public readonly record struct SeriesPoint(RevenueFigure Figure, decimal? Value);

/// <summary>
/// What <see cref="RevenueSeries.ReadAsync"/> read: every figure, including the earlier quarters read only so that
/// the first requested ones can be transformed, and the points from the first requested quarter on.
/// </summary>
public sealed record RevenueSeriesResult(IReadOnlyList<RevenueFigure> Read, IReadOnlyList<SeriesPoint> Points);

/// <summary>
/// Reads revenue series, transforms each into the units asked for and trims the look-back quarters: written once
/// here so that REST and GraphQL present the same figure with the same value.
/// </summary>
public static class RevenueSeries
{
    /// <summary>The figures of <paramref name="projects"/> and <paramref name="metrics"/> (null: all) from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static async Task<RevenueSeriesResult> ReadAsync(ReadSession session, IReadOnlyCollection<string>? projects,
        IReadOnlyCollection<string>? metrics, Quarter? from, Quarter? to, SeriesUnits units, CancellationToken cancellationToken) =>
        Of(await session.RevenueAsync(Query(projects, metrics, from, to, units), cancellationToken), from, units);

    /// <summary>What to read for the series: from the earlier quarters <paramref name="units"/> need on.</summary>
    public static RevenueQuery Query(IReadOnlyCollection<string>? projects, IReadOnlyCollection<string>? metrics,
        Quarter? from, Quarter? to, SeriesUnits units) => new()
        {
            Projects = projects,
            Metrics = metrics,
            From = SeriesUnitsTransform.ReadFrom(from, units),
            To = to,
        };

    /// <summary>The series of what <see cref="Query"/> read (by a caller that queued the read with others).</summary>
    public static RevenueSeriesResult Of(IReadOnlyList<RevenueFigure> figures, Quarter? from, SeriesUnits units)
    {
        var values = SeriesUnitsTransform.Apply(figures, units);
        var points = figures
            .Where(f => from is null || f.Quarter >= from.Value)
            .Select(f => new SeriesPoint(f, values[f.Id]))
            .ToList();
        return new RevenueSeriesResult(figures, points);
    }
}
