using System.Collections.Concurrent;
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
        CancellationToken cancellationToken)
    {
        var shape = new ProjectRevenueShape(query.Projects is not null, query.Metrics is not null, query.SourceId is not null,
            query.From is not null, query.To is not null, units, ReadsCurrentRows);
        var sql = ProjectRevenueTexts.GetOrAdd(shape, static (_, read) =>
            read.Session.ProjectWithRowsSql(OneProject, read.Session.RevenueInUnitsSql(read.Query, read.Units)), (Session: this, Query: query, Units: units));
        // One parameter list for both: the project's names (slugs, limit, …) and the figures' (projects, metrics, …) differ.
        return ProjectWithRowsAsync<SeriesPoint?>(new ProjectQuery { Slugs = [slug] }, sql, ValueColumn + 1,
            p => BindRevenue(p, query), r => ReadSeriesPoint(r), none: null, cancellationToken);
    }

    /// <summary>
    /// What the text of <see cref="ProjectRevenueInUnitsAsync"/>'s statement depends on: which filters are given (their
    /// values are bound, never written into it), the units and which rows are visible. Its text is kept per shape rather
    /// than written for every request: the uncached revenue series is the read the load harness measures, and writing
    /// its statement was about a tenth of the bytes such a request allocated (docs/performance.md, <i>Means</i>).
    /// </summary>
    private readonly record struct ProjectRevenueShape(bool Projects, bool Metrics, bool Source, bool From, bool To, SeriesUnits Units,
        bool CurrentRows);

    // At most 2^5 filter sets × 4 units × 2 visibilities.
    private static readonly ConcurrentDictionary<ProjectRevenueShape, string> ProjectRevenueTexts = new();

    // The project selected by its slug alone: the shape of every ProjectRevenueInUnitsAsync's project query.
    private static readonly ProjectQuery OneProject = new() { Slugs = [] };

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
