using DepinApi.ReadModel;
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
        ["tokenPrices"] = (sql, field, p) => FigureMaps.TokenPrice.List(sql, field, a => FigureSql.TokenPrices.Of(a, $"{p}.slug")
            + FigureSql.Days(a, sql.Given(field.Argument("from"), NpgsqlDbType.Date), sql.Given(field.Argument("to"), NpgsqlDbType.Date))),
        ["latestPrice"] = (sql, field, p) => FigureMaps.TokenPrice.First(sql, field,
            a => FigureSql.TokenPrices.Of(a, $"{p}.slug") + FigureSql.Stated(a), FigureSql.NewestFirst),
        ["sources"] = Sources,
        ["metrics"] = (sql, field, p) => FigureMaps.NetworkMetric.List(sql, field, a => FigureSql.NetworkMetrics.Of(a, $"{p}.slug")
            + FigureSql.Metric(a, sql.Given(field.Argument("metric"), NpgsqlDbType.Text))),
    });

    /// <summary>The sources its figures cite, by id, as <c>ReadSession.ProjectSourcesAsync</c> reads them (<see cref="FigureSql.CitedSources"/>).</summary>
    private static string? Sources(SqlStatementBuilder sql, SelectedField field, string p)
    {
        var alias = sql.Alias("s");
        if (FigureMaps.Source.Compile(sql, field, alias) is not { } source) return null;
        var cited = FigureSql.CitedSources(sql.Visible, t => t.Of("f", $"{p}.slug"));
        return SqlStatementBuilder.JsonArray(source, $"FROM sources {alias} WHERE {sql.Visible(alias)} AND {alias}.id IN (SELECT c.source FROM ({cited}) c)", $"{alias}.id");
    }

    private static string? Revenue(SqlStatementBuilder sql, SelectedField field, string p)
    {
        if (field.Argument("units") is not SeriesUnits units) return null;
        var from = sql.Given((field.Argument("from") as Quarter?)?.Ordinal, NpgsqlDbType.Integer);
        var to = sql.Given((field.Argument("to") as Quarter?)?.Ordinal, NpgsqlDbType.Integer);
        var metric = sql.Given(field.Argument("metric") is string m ? new[] { m } : null, NpgsqlDbType.Array | NpgsqlDbType.Text);
        return FigureMaps.Revenue(units).List(sql, field,
            a => FigureSql.Revenue.Of(a, $"{p}.slug") + FigureSql.MetricIn(a, metric) + FigureSql.Quarters(a, from, to));
    }
}
