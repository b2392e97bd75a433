using DepinApi.ReadModel;
using DepinApi.Rest.Infrastructure;
using DepinApi.Series;
using GraphQLEngine.Execution;
using NpgsqlTypes;
using static DepinApi.GraphQL.Compiled.SqlObjectMap;

namespace DepinApi.GraphQL.Compiled;

/// <summary>
/// <c>Project</c> in SQL, field for field as <c>ProjectType</c> presents it; each figure list filtered and ordered by
/// the SQL the read model's query for it is built from (<see cref="FigureSql"/>), <c>revenue</c> in every unit. Not compiled: <c>screening</c>,
/// whose scores are computed in C# over the whole sector (<c>Screening/</c>).
/// </summary>
internal static class ProjectMap
{
    public static readonly SqlObjectMap Project = new(new Dictionary<string, FieldCompiler>
    {
        ["slug"] = Column("slug"),
        ["name"] = Column("name"),
        ["sector"] = Enum("sector"),
        ["subTrack"] = Column("sub_track"),
        ["tokenSymbol"] = Column("token_symbol"),
        ["chain"] = Column("chain"),
        ["website"] = Column("website"),
        ["description"] = Column("description"),
        ["revenue"] = Revenue,
        ["settlementMix"] = (sql, field, p) => FigureMaps.SettlementMix.List(sql, field, a => FigureSql.SettlementMix.Of(a, $"{p}.slug")),
        ["tokenPrices"] = TokenPrices,
        ["latestPrice"] = (sql, field, p) => FigureMaps.TokenPrice.First(sql, field,
            a => FigureSql.TokenPrices.Of(a, $"{p}.slug") + FigureSql.Stated(a), FigureSql.NewestFirst),
        ["sources"] = Sources,
        ["metrics"] = Metrics,
    });

    /// <summary>The sources its figures cite, by id, as <c>ReadSession.ProjectSourcesAsync</c> reads them (<see cref="FigureSql.CitingFigures"/>).</summary>
    private static string? Sources(SqlStatementBuilder sql, SelectedField field, string p)
    {
        var alias = sql.Alias("s");
        if (FigureMaps.Source.Compile(sql, field, alias) is not { } source) return null;
        var cited = FigureSql.CitingFigures(sql.Visible, t => t.Of("f", $"{p}.slug"));
        return SqlStatementBuilder.JsonArray(source, $"FROM sources {alias} WHERE {sql.Visible(alias)} AND {alias}.id IN (SELECT c.source FROM ({cited}) c)", $"{alias}.id");
    }

    private static string? Metrics(SqlStatementBuilder sql, SelectedField field, string p)
    {
        var metric = sql.Given(field.Argument("metric"), NpgsqlDbType.Text);
        // A metric no network metric of the version states is the resolver's error to report (InvalidArgument, with
        // the metrics that are), never an empty list: the statement then reads nothing and the resolvers answer.
        if (metric is not null) sql.Require(FigureSql.NetworkMetrics.StatesMetric(sql.Visible, metric));
        return FigureMaps.NetworkMetric.List(sql, field, a => FigureSql.NetworkMetrics.Of(a, $"{p}.slug") + FigureSql.Metric(a, metric));
    }

    private static string? TokenPrices(SqlStatementBuilder sql, SelectedField field, string p)
    {
        var (from, to) = (field.Argument("from") as DateOnly?, field.Argument("to") as DateOnly?);
        // A range out of order is the resolver's error to report (InvalidArgument), never an empty list.
        if (QueryParsing.OutOfOrder("from", from, "to", to) is not null) return null;
        return FigureMaps.TokenPrice.List(sql, field, a => FigureSql.TokenPrices.Of(a, $"{p}.slug")
            + FigureSql.Days(a, sql.Given(from, NpgsqlDbType.Date), sql.Given(to, NpgsqlDbType.Date)));
    }

    private static string? Revenue(SqlStatementBuilder sql, SelectedField field, string p)
    {
        if (field.Argument("units") is not SeriesUnits units) return null;
        var (first, last) = (field.Argument("from") as Quarter?, field.Argument("to") as Quarter?);
        if (QueryParsing.OutOfOrder("from", first, "to", last) is not null) return null;
        var from = sql.Given(first?.Ordinal, NpgsqlDbType.Integer);
        var to = sql.Given(last?.Ordinal, NpgsqlDbType.Integer);
        var metric = sql.Given(field.Argument("metric") is string m ? new[] { m } : null, NpgsqlDbType.Array | NpgsqlDbType.Text);
        return FigureMaps.Revenue(units).List(sql, field,
            a => FigureSql.Revenue.Of(a, $"{p}.slug") + FigureSql.MetricIn(a, metric) + FigureSql.Quarters(a, from, to));
    }
}
