using DepinApi.ReadModel;
using DepinApi.Rest.Citations;
using DepinApi.Rest.Models;
using DepinApi.Series;

namespace DepinApi.GraphQL.Compiled;

/// <summary>
/// A figure's <c>permalink</c> and <c>citation</c> in compiled results. Both are REST's text (<see cref="FigureViews"/>:
/// the link's root comes from the request and its pin from the version read, the sentence from <see cref="Citation"/>),
/// which SQL cannot write, so the statement writes a marker (<see cref="CompiledMarkers"/>) holding the figure's row as
/// the read model reads it, and the marker is replaced by the text REST writes for that row once the statement ran.
/// </summary>
/// <remarks>
/// A citation marker holds <c>["citation", kind, units, value in units, project name, the figure's columns…, its
/// source's columns…]</c>; a permalink marker <c>["permalink", kind, id]</c>. The columns are the read model's, in its
/// order (<c>ReadSession.*.cs</c>), and each kind below turns them into its record as the read model does.
/// </remarks>
internal static class CitationMarkers
{
    public const string MarkerKey = "$cite";

    private const int RowStart = 5;

    private static readonly string[] SourceColumns = ["id", "publisher", "title", "published_on", "published_label", "kind", "url"];

    /// <summary>A kind of cited figure: its table, its columns, its permalink and its citation from a marker's row.</summary>
    private sealed record CitedKind(
        FigureSql Rows, string[] Columns, Func<Links, string, string> Permalink,
        Func<FigureViews, MarkerValues, Source, SeriesUnits, decimal?, string> Citation);

    private static readonly CitedKind Revenue = new(FigureSql.Revenue,
        ["id", "project", "year", "quarter", "metric", "amount_usd", "basis", "qualifier", "quote"],
        (links, id) => links.Revenue(id),
        (views, r, source, units, value) => views.Cite(
            new RevenueFigure(r.Text(0), r.Text(1), new Quarter(r.Int(2), r.Int(3)), r.Text(4), r.Decimal(5), r.Text(6),
                r.TextOrNull(7), source, r.Text(8)), units, value).Citation);

    private static readonly CitedKind SettlementMix = new(FigureSql.SettlementMix,
        ["id", "project", "as_of", "stablecoin_share", "native_share", "label", "basis", "qualifier", "quote"],
        (links, id) => links.SettlementMix(id),
        (views, r, source, _, _) => views.Cite(
            new SettlementMix(r.Text(0), r.Text(1), r.Date(2), r.DecimalOrNull(3), r.DecimalOrNull(4), r.TextOrNull(5), r.Text(6),
                r.TextOrNull(7), source, r.Text(8))).Citation);

    private static readonly CitedKind TokenPrice = new(FigureSql.TokenPrices,
        ["id", "project", "token_symbol", "date", "price_usd", "change_30d", "change_90d", "change_1y", "qualifier", "quote"],
        (links, id) => links.TokenPrice(id),
        (views, r, source, _, _) => views.Cite(
            new TokenPrice(r.Text(0), r.Text(1), r.Text(2), r.Date(3), r.DecimalOrNull(4), r.DecimalOrNull(5), r.DecimalOrNull(6),
                r.DecimalOrNull(7), r.TextOrNull(8), source, r.Text(9))).Citation);

    // Network metrics and sector figures: a value (or range) in a unit over a period, of a project or of a scope.
    private static readonly CitedKind NetworkMetric = new(FigureSql.NetworkMetrics, MeasuredColumns("project"), (links, id) => links.NetworkMetric(id),
        (views, r, source, _, _) => views.Cite(new NetworkMetric(r.Text(0), r.Text(1), r.Text(2), r.Date(3), r.Date(4), r.Text(5), r.Decimal(6),
            r.DecimalOrNull(7), r.Text(8), r.Text(9), r.TextOrNull(10), source, r.Text(11))).Citation);

    private static readonly CitedKind SectorFigure = new(FigureSql.SectorFigures, MeasuredColumns("scope"), (links, id) => links.SectorFigure(id),
        (views, r, source, _, _) => views.Cite(new SectorFigure(r.Text(0), r.Text(1), r.Text(2), r.Date(3), r.Date(4), r.Text(5), r.Decimal(6),
            r.DecimalOrNull(7), r.Text(8), r.Text(9), r.TextOrNull(10), source, r.Text(11))).Citation);

    // By table name, which the marker names its kind by.
    private static readonly Dictionary<string, CitedKind> Kinds =
        new[] { Revenue, SettlementMix, TokenPrice, NetworkMetric, SectorFigure }.ToDictionary(k => k.Rows.Table, StringComparer.Ordinal);

    /// <summary>The <c>permalink</c> and <c>citation</c> fields of a figure table's rows, by its <see cref="FigureSql"/>.</summary>
    public static Dictionary<string, FieldCompiler> Fields(FigureSql rows, SeriesUnits units = SeriesUnits.Lin)
    {
        var kind = Kinds.GetValueOrDefault(rows.Table)
                   ?? throw new ArgumentOutOfRangeException(nameof(rows), rows.Table, "No citation for this table.");
        return new Dictionary<string, FieldCompiler>
        {
            ["permalink"] = (sql, _, a) => Marker(sql, ["'permalink'", $"'{rows.Table}'", $"{a}.id"]),
            ["citation"] = (sql, _, a) => Marker(sql,
            [
                "'citation'", $"'{rows.Table}'", $"'{units}'",
                units == SeriesUnits.Lin ? "NULL" : FigureSql.ValueIn(units, a, sql.Alias("e"), sql.Visible),
                rows.IsProjects ? ProjectName(sql, a) : "NULL",
                .. kind.Columns.Select(c => $"{a}.{c}"),
                .. SourceColumns.Select(c => $"{a}s.{c}"),
            ]),
        };
    }

    /// <summary>The text of the permalink or citation marker <paramref name="values"/> for the response <paramref name="views"/> writes.</summary>
    /// <param name="projectNames">The names <paramref name="views"/> cites projects by, filled from each marker as it is read.</param>
    /// <param name="sources">The sources read so far, by id, filled from each marker as it is read: a page of figures
    /// cites a few sources many times, and each is read from its first marker only.</param>
    public static string Text(
        FigureViews views, IDictionary<string, string> projectNames, IDictionary<string, Source> sources, MarkerValues values)
    {
        var kind = Kinds[values.Text(1)];
        if (values.Text(0) == "permalink") return kind.Permalink(views.Links, values.Text(2));

        var row = values.From(RowStart);
        var project = row.Text(1);
        if (!projectNames.ContainsKey(project) && values.TextOrNull(4) is { } name) projectNames[project] = name;
        var source = SourceOf(row.From(kind.Columns.Length), sources);
        return kind.Citation(views, row, source, Enum.Parse<SeriesUnits>(values.Text(2)), values.DecimalOrNull(3));
    }

    private static string Marker(SqlStatementBuilder sql, string[] values)
    {
        sql.WritesMarkers = true;
        return CompiledMarkers.Marker(MarkerKey, values);
    }

    // Cited by the name the project has in the version read, as REST's ProjectNames gives it.
    private static string ProjectName(SqlStatementBuilder sql, string alias)
    {
        var project = sql.Alias("pn");
        return $"(SELECT {project}.name FROM {ProjectSql.Table} {project} WHERE {project}.slug = {alias}.project AND {sql.Visible(project)})";
    }

    private static string[] MeasuredColumns(string owner) =>
        ["id", owner, "period", "period_start", "period_end", "metric", "value", "value_max", "unit", "basis", "qualifier", "quote"];

    // The source whose columns (SourceColumns) start the values, as read before when its id was.
    private static Source SourceOf(MarkerValues values, IDictionary<string, Source> sources)
    {
        var id = values.Text(0);
        if (sources.TryGetValue(id, out var source)) return source;
        return sources[id] = new Source(id, values.Text(1), values.Text(2), values.DateOrNull(3), values.Text(4), values.Text(5),
            values.TextOrNull(6));
    }
}
