using DepinApi.ReadModel;
using DepinApi.Series;
using GraphQLEngine.Execution;
using NpgsqlTypes;
using static DepinApi.GraphQL.Compiled.SqlObjectMap;

namespace DepinApi.GraphQL.Compiled;

/// <summary>
/// <c>Project</c> in SQL, field for field as <c>ProjectType</c> presents it; each figure list filtered and ordered as
/// the read model's query for it (<c>ReadSession.*.cs</c>), <c>revenue</c> in every unit. Not compiled: <c>screening</c>,
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
        ["settlementMix"] = (sql, field, p) => FigureMaps.SettlementMix.List(sql, field,
            a => $"{a}.project = {p}.slug",
            a => $"{a}.as_of, {a}.id"),
        ["tokenPrices"] = (sql, field, p) => FigureMaps.TokenPrice.List(sql, field,
            a => $"{a}.project = {p}.slug"
                 + sql.And($"{a}.date", ">=", field.Argument("from"), NpgsqlDbType.Date)
                 + sql.And($"{a}.date", "<=", field.Argument("to"), NpgsqlDbType.Date),
            a => $"{a}.date, {a}.id"),
        ["latestPrice"] = (sql, field, p) => FigureMaps.TokenPrice.First(sql, field,
            a => $"{a}.project = {p}.slug AND {a}.price_usd IS NOT NULL",
            a => $"{a}.date DESC, {a}.id DESC"),
        ["sources"] = Sources,
        ["metrics"] = (sql, field, p) => FigureMaps.NetworkMetric.List(sql, field,
            a => $"{a}.project = {p}.slug" + sql.And($"{a}.metric", "=", field.Argument("metric"), NpgsqlDbType.Text),
            a => $"{a}.metric, {a}.period_end, {a}.id"),
    });

    /// <summary>The sources its figures cite, by id, as <c>ReadSession.ProjectSourcesAsync</c> reads them.</summary>
    private static string? Sources(SqlStatementBuilder sql, SelectedField field, string p)
    {
        var alias = sql.Alias("s");
        if (FigureMaps.Source.Compile(sql, field, alias) is not { } source) return null;
        // Table names come from the read model's list, never from a request.
        var cited = string.Join(" UNION ALL ", ReadSession.CitingTables.Select(table =>
            $"SELECT f.source FROM {table} f WHERE {sql.Visible("f")} AND f.project = {p}.slug"));
        return SqlStatementBuilder.JsonArray(source, $"FROM sources {alias} WHERE {sql.Visible(alias)} AND {alias}.id IN ({cited})", $"{alias}.id");
    }

    private static string? Revenue(SqlStatementBuilder sql, SelectedField field, string p)
    {
        if (field.Argument("units") is not SeriesUnits units) return null;
        return FigureMaps.Revenue(units).List(sql, field,
            a => $"{a}.project = {p}.slug"
                 + sql.And($"{a}.metric", "=", field.Argument("metric"), NpgsqlDbType.Text)
                 + sql.And(FigureMaps.QuarterOrdinal(a), ">=", (field.Argument("from") as Quarter?)?.Ordinal, NpgsqlDbType.Integer)
                 + sql.And(FigureMaps.QuarterOrdinal(a), "<=", (field.Argument("to") as Quarter?)?.Ordinal, NpgsqlDbType.Integer),
            a => $"{a}.year, {a}.quarter, {a}.metric, {a}.id");
    }
}
