using DepinApi.Series;
using Npgsql;

namespace DepinApi.ReadModel;

public sealed partial class ReadSession
{
    public Task<List<RevenueFigure>> RevenueAsync(RevenueQuery query, CancellationToken cancellationToken) =>
        QueryAsync(RevenueSql(query, ""), p => BindRevenue(p, query), ReadRevenue, cancellationToken);

    /// <summary>
    /// Revenue figures as a series in <paramref name="units"/> presents them, each with its value computed in the
    /// statement (<see cref="FigureSql.ValueIn"/>) from the earlier quarters, which are not listed themselves: REST,
    /// the resolvers and compiled GraphQL give the same figure the same value.
    /// </summary>
    public Task<List<SeriesPoint>> RevenueInUnitsAsync(RevenueQuery query, SeriesUnits units, CancellationToken cancellationToken) =>
        QueryAsync(RevenueInUnitsSql(query, units), p => BindRevenue(p, query), ReadSeriesPoint, cancellationToken);

    /// <summary>
    /// The project whose own slug is <paramref name="slug"/> and its revenue in <paramref name="units"/>
    /// (<see cref="RevenueInUnitsAsync"/>), in one statement: a row per figure, each with the project (a row with no
    /// figure when it has none), and no row when no project has that slug. Queued in advance it is the session's only
    /// statement (<see cref="ReadSessionFactory.OpenAsync{T}"/>).
    /// </summary>
    public Task<List<(Project Project, SeriesPoint? Point)>> ProjectRevenueInUnitsAsync(string slug, RevenueQuery query, SeriesUnits units,
        CancellationToken cancellationToken) =>
        // One parameter list for both: the project's names (slugs, limit, …) and the figures' (projects, metrics, …) differ.
        ProjectWithRowsAsync<SeriesPoint?>(new ProjectQuery { Slugs = [slug] }, RevenueInUnitsSql(query, units), ValueColumn + 1,
            p => BindRevenue(p, query), r => ReadSeriesPoint(r), none: null, cancellationToken);

    private string RevenueInUnitsSql(RevenueQuery query, SeriesUnits units) =>
        RevenueSql(query, ", " + FigureSql.ValueIn(units, "r", "e", Visible));

    /// <summary>Where a row of <see cref="RevenueInUnitsSql"/> holds the value in units: after the figure's and its source's columns.</summary>
    private const int ValueColumn = 16;

    private SeriesPoint ReadSeriesPoint(NpgsqlDataReader r) => new(ReadRevenue(r), r.DecimalOrNull(ValueColumn));

    private string RevenueSql(RevenueQuery query, string valueColumn) => $"""
        SELECT r.id, r.project, r.year, r.quarter, r.metric, r.amount_usd, r.basis, r.qualifier, r.quote, {SourceColumns}{valueColumn}
        FROM {FigureSql.Revenue.Table} r {JoinSource("r")}
        WHERE {Visible("r")}{FigureSql.Revenue.OfAny("r", Given(query.Projects, "@projects"))}
          {FigureSql.MetricIn("r", Given(query.Metrics, "@metrics"))}{FigureSql.Citing("r", Given(query.SourceId, "@source"))}
          {FigureSql.Quarters("r", Given(query.From, "@from"), Given(query.To, "@to"))}
        ORDER BY {FigureSql.Revenue.Order("r")}
        """;

    private static void BindRevenue(NpgsqlParameterCollection p, RevenueQuery query)
    {
        p.AddList("projects", query.Projects);
        p.AddList("metrics", query.Metrics);
        p.AddText("source", query.SourceId);
        p.AddInt("from", query.From?.Ordinal);
        p.AddInt("to", query.To?.Ordinal);
    }

    private RevenueFigure ReadRevenue(NpgsqlDataReader r) => new(
        r.GetString(0), r.GetString(1), new Quarter(r.GetInt16(2), r.GetInt16(3)), r.GetString(4), r.GetDecimal(5),
        r.GetString(6), r.TextOrNull(7), ReadSource(r, 9), r.GetString(8));
}
