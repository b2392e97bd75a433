using DepinApi.GraphQL.Execution;
using DepinApi.ReadModel;
using DepinApi.Series;
using GraphQLEngine.Execution;
using NpgsqlTypes;

namespace DepinApi.GraphQL.Compiled;

/// <summary>
/// The root fields compiled, on the newest data only (no <c>asOf</c>): <c>projects</c> (its nodes, totalCount and
/// pageInfo's flags; not its edges or cursors, which are signed outside the database), <c>project</c>, and the lists of
/// every project's figures (<c>revenue</c> in units LIN), of sector figures and of sources.
/// </summary>
internal static class QueryMap
{
    public static readonly SqlObjectMap Query = new(new Dictionary<string, FieldCompiler>
    {
        ["projects"] = (sql, field, _) => Projects(sql, field),
        ["project"] = (sql, field, _) => Project(sql, field),
        ["revenue"] = (sql, field, _) => Revenue(sql, field),
        ["settlementMix"] = (sql, field, _) => OnNewestData(field)
            ? FigureMaps.SettlementMix.List(sql, field, _ => "true", a => $"{a}.project, {a}.as_of, {a}.id")
            : null,
        ["tokenPrices"] = (sql, field, _) => OnNewestData(field)
            ? FigureMaps.TokenPrice.List(sql, field,
                a => "true" + sql.And($"{a}.date", "=", field.Argument("date"), NpgsqlDbType.Date),
                a => $"{a}.project, {a}.date, {a}.id")
            : null,
        ["sectorFigures"] = (sql, field, _) => OnNewestData(field)
            ? FigureMaps.SectorFigure.List(sql, field,
                a => "true" + sql.And($"{a}.scope", "=", field.Argument("scope"), NpgsqlDbType.Text),
                a => $"{a}.scope, {a}.metric, {a}.period_end, {a}.id")
            : null,
        ["sources"] = (sql, field, _) => Sources(sql, field),
    });

    private static string? Projects(SqlStatementBuilder sql, SelectedField field)
    {
        var request = ProjectListRequest.From(field.Arguments);
        // A cursor is checked and decoded by the resolver; a negative page size is its error to report.
        if (!OnNewestData(field) || request.After is not null || request.First < 0) return null;
        if (SqlStatementBuilder.ObjectTypeOf(field) is not { } connection) return null;

        var filter = Filter(sql, request.Query);
        var order = Order(request.Query);
        var first = sql.Bind(request.First, NpgsqlDbType.Integer);
        return SqlStatementBuilder.JsonObject(connection, field.SubfieldsFor(connection), part => part.Name switch
        {
            "nodes" => Nodes(sql, part, filter, order, first),
            "totalCount" => $"(SELECT count(*)::int FROM projects x WHERE {filter("x")})",
            "pageInfo" when SqlStatementBuilder.ObjectTypeOf(part) is { } pageInfo =>
                SqlStatementBuilder.JsonObject(pageInfo, part.SubfieldsFor(pageInfo), flag => flag.Name switch
                {
                    // The resolver reads no rows for an empty page, so it never finds a next one.
                    "hasNextPage" => request.First == 0
                        ? "false"
                        : $"(SELECT count(*) > {first} FROM (SELECT 1 FROM projects x WHERE {filter("x")} LIMIT {first} + 1) more)",
                    "hasPreviousPage" => "false",
                    _ => null,
                }),
            _ => null,
        });
    }

    private static string? Project(SqlStatementBuilder sql, SelectedField field)
    {
        if (!OnNewestData(field) || field.Argument("slug") is not string slug) return null;
        var alias = sql.Alias("p");
        if (ProjectMap.Project.Compile(sql, field, alias) is not { } project) return null;
        // As the resolver (ReadSession.ProjectNamedAsync): the exact slug, else the one project another name points at.
        var exact = sql.Bind(slug, NpgsqlDbType.Text);
        var named = ReadSession.SlugsNamedSql(sql.Bind(slug.ToLowerInvariant(), NpgsqlDbType.Text), a => $"{a}.valid_to IS NULL");
        return $"(SELECT {project} FROM projects {alias} WHERE {alias}.valid_to IS NULL AND {alias}.slug = coalesce("
               + $"(SELECT x.slug FROM projects x WHERE x.valid_to IS NULL AND x.slug = {exact}), "
               + $"(SELECT min(n.slug) FROM ({named}) n HAVING count(*) = 1)))";
    }

    /// <summary>Every project's revenue, of one quarter or all, in units LIN (the others are computed over each series).</summary>
    private static string? Revenue(SqlStatementBuilder sql, SelectedField field)
    {
        if (!OnNewestData(field) || field.Argument("units") is not SeriesUnits.Lin) return null;
        return FigureMaps.Revenue.List(sql, field,
            a => "true"
                 + sql.And($"{a}.metric", "=", field.Argument("metric"), NpgsqlDbType.Text)
                 + sql.And(FigureMaps.QuarterOrdinal(a), "=", (field.Argument("quarter") as Quarter?)?.Ordinal, NpgsqlDbType.Integer),
            a => $"{a}.project, {a}.year, {a}.quarter, {a}.metric, {a}.id");
    }

    private static string? Sources(SqlStatementBuilder sql, SelectedField field)
    {
        if (!OnNewestData(field)) return null;
        var alias = sql.Alias("s");
        return FigureMaps.Source.Compile(sql, field, alias) is { } source
            ? SqlStatementBuilder.JsonArray(source, $"FROM sources {alias} WHERE {alias}.valid_to IS NULL", $"{alias}.id")
            : null;
    }

    private static string? Nodes(SqlStatementBuilder sql, SelectedField nodes, Func<string, string> filter, Func<string, string> order, string first)
    {
        var alias = sql.Alias("p");
        return ProjectMap.Project.Compile(sql, nodes, alias) is { } project
            ? SqlStatementBuilder.JsonArray(project,
                $"FROM (SELECT * FROM projects x WHERE {filter("x")} ORDER BY {order("x")} LIMIT {first}) {alias}", order(alias))
            : null;
    }

    /// <summary>The read model's project filter (<c>ReadSession.ProjectsAsync</c>) for the rows aliased by the argument.</summary>
    private static Func<string, string> Filter(SqlStatementBuilder sql, ProjectQuery query)
    {
        var sector = query.Sector is { } s ? sql.Bind(s, NpgsqlDbType.Text) : null;
        var slugs = query.Slugs is { } list ? sql.Bind(list.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text) : null;
        var search = query.Search is { } text ? sql.Bind(text.ToLowerInvariant(), NpgsqlDbType.Text) : null;
        return a => $"{a}.valid_to IS NULL"
                    + (sector is null ? "" : $" AND {a}.sector = {sector}")
                    + (slugs is null ? "" : $" AND {a}.slug = ANY({slugs})")
                    + (search is null
                        ? ""
                        : $" AND (strpos(lower({a}.name), {search}) > 0 OR strpos({a}.slug, {search}) > 0 OR strpos(lower({a}.token_symbol), {search}) > 0)");
    }

    private static Func<string, string> Order(ProjectQuery query)
    {
        var column = query.Sort == ProjectSort.Name ? "name" : "slug";
        var direction = query.Descending ? "DESC" : "ASC";
        return a => $"{a}.{column} {direction}, {a}.slug {direction}";
    }

    /// <summary>Past data versions are read through the resolvers' session, which fixes one version for the whole request.</summary>
    private static bool OnNewestData(SelectedField field) => !field.HasArgument(RequestAsOf.ArgumentName);
}
