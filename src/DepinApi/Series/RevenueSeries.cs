using DepinApi.ReadModel;

namespace DepinApi.Series;

/// <summary>A revenue figure of a series and its value in the units asked for (null when undefined, never 0).</summary>
public readonly record struct SeriesPoint(RevenueFigure Figure, decimal? Value);

/// <summary>
/// How REST and the GraphQL resolvers ask for revenue series: the figures of some projects and metrics over a range of
/// quarters, each with its value in the units asked for, computed by the read model in SQL
/// (<see cref="ReadSession.RevenueInUnitsAsync"/>) as compiled GraphQL computes it, so every path presents the same
/// figure with the same value.
/// </summary>
public static class RevenueSeries
{
    /// <summary>The figures of <paramref name="projects"/> and <paramref name="metrics"/> (null: all) from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static Task<List<SeriesPoint>> ReadAsync(ReadSession session, IReadOnlyCollection<string>? projects,
        IReadOnlyCollection<string>? metrics, Quarter? from, Quarter? to, SeriesUnits units, CancellationToken cancellationToken) =>
        session.RevenueInUnitsAsync(Query(projects, metrics, from, to), units, cancellationToken);

    /// <summary>What to read for the series (for a caller that queues the read with others).</summary>
    public static RevenueQuery Query(IReadOnlyCollection<string>? projects, IReadOnlyCollection<string>? metrics,
        Quarter? from, Quarter? to) => new() { Projects = projects, Metrics = metrics, From = from, To = to };
}
