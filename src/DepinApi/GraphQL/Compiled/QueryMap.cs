using DepinApi.GraphQL.Execution;
using DepinApi.ReadModel;
using DepinApi.Series;
using GraphQLEngine.Execution;
using GraphQLEngine.Type;
using NpgsqlTypes;

namespace DepinApi.GraphQL.Compiled;

/// <summary>
/// The root fields compiled, on the newest data or the version <c>asOf</c> names (<see cref="SqlStatementBuilder.Visible"/>):
/// <c>projects</c> (nodes, edges, totalCount and pageInfo, after a cursor or not: a cursor is opened in C# before the
/// statement is built and the statement's cursors are signed in C# after it ran, <see cref="CursorSigning"/>),
/// <c>project</c>, <c>sectors</c> (not a sector's <c>analytics</c>), the lists of every project's figures
/// (<c>revenue</c> in every unit), of sector figures and of sources, and <c>meta</c>, the version read.
/// </summary>
internal static class QueryMap
{
    public static readonly SqlObjectMap Query = new(new Dictionary<string, FieldCompiler>
    {
        ["projects"] = (sql, field, _) => Projects(sql, field),
        ["project"] = (sql, field, _) => Project(sql, field),
        ["revenue"] = (sql, field, _) => Revenue(sql, field),
        ["settlementMix"] = (sql, field, _) => FigureMaps.SettlementMix.List(sql, field, _ => ""),
        ["tokenPrices"] = (sql, field, _) =>
        {
            var date = sql.Given(field.Argument("date"), NpgsqlDbType.Date);
            return FigureMaps.TokenPrice.List(sql, field, a => FigureSql.Days(a, date, date));
        },
        ["sectorFigures"] = (sql, field, _) => FigureMaps.SectorFigure.List(sql, field,
            a => FigureSql.SectorFigures.Of(a, sql.Given(field.Argument("scope"), NpgsqlDbType.Text))),
        ["sources"] = (sql, field, _) => Sources(sql, field),
        ["sectors"] = (sql, field, _) => Sectors(sql, field),
        ["meta"] = (sql, field, _) => Meta(sql, field),
    });

    /// <summary>The data version the statement reads, as the resolvers give their session's (<c>HistoryTypes.Meta</c>).</summary>
    private static string? Meta(SqlStatementBuilder sql, SelectedField field)
    {
        if (SqlStatementBuilder.ObjectTypeOf(field) is not { } meta) return null;
        var version = sql.Alias("v");
        var element = SqlStatementBuilder.JsonObject(meta, field.SubfieldsFor(meta), part => part.Name switch
        {
            "dataVersion" => $"{version}.id",
            // As the DateTime scalar writes an instant (UtcTimestampConverter): UTC, the fraction's trailing zeros dropped.
            "importedAt" => $"regexp_replace(to_char({version}.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US'), '\\.?0+$', '') || 'Z'",
            _ => null,
        });
        return element is null ? null : $"(SELECT {element} FROM data_versions {version} WHERE {version}.id = {sql.VersionRead})";
    }

    /// <summary>
    /// The sectors that have projects, each with its projects, in the read model's order
    /// (<see cref="ProjectSql.SectorOrder"/>, <see cref="ReadSession.ProjectsBySectorAsync"/>). Not compiled: a sector's <c>analytics</c>, computed in C#.
    /// </summary>
    private static string? Sectors(SqlStatementBuilder sql, SelectedField field)
    {
        if (SqlStatementBuilder.ObjectTypeOf(field) is not { } summary) return null;
        var sector = sql.Alias("g");
        var element = SqlStatementBuilder.JsonObject(summary, field.SubfieldsFor(summary), part => part.Name switch
        {
            "sector" => $"upper({sector}.sector)",
            "projectCount" => $"(SELECT count(*)::int FROM projects x WHERE {sql.Visible("x")} AND x.sector = {sector}.sector)",
            "projects" => SectorProjects(sql, part, sector),
            _ => null,
        });
        return element is null
            ? null
            : SqlStatementBuilder.JsonArray(element, $"FROM (SELECT DISTINCT x.sector FROM projects x WHERE {sql.Visible("x")}) {sector}",
                ProjectSql.SectorOrder(sector));
    }

    private static string? SectorProjects(SqlStatementBuilder sql, SelectedField projects, string sector)
    {
        var alias = sql.Alias("p");
        return ProjectMap.Project.Compile(sql, projects, alias) is { } project
            ? SqlStatementBuilder.JsonArray(project, $"FROM projects {alias} WHERE {sql.Visible(alias)} AND {alias}.sector = {sector}.sector",
                ProjectSql.InSectorOrder(alias))
            : null;
    }

    private static string? Projects(SqlStatementBuilder sql, SelectedField field)
    {
        var request = ProjectListRequest.From(field.Arguments);
        // A negative page size, a cursor that does not open or a search too long is the resolver's error to report.
        if (request.First < 0 || ProjectListRequest.Refusal(field.Arguments) is not null) return null;
        var cursorQuery = Cursors.Query(request.ListName, sql.AsOf);
        OpenedCursor? opened = null;
        if (request.After is { } cursor && (sql.Cursors is not { } codec || (opened = Cursors.TryOpen(codec, cursorQuery, cursor, 2)) is null))
            return null;
        if (SqlStatementBuilder.ObjectTypeOf(field) is not { } connection) return null;
        // A cursor read from another data version than the statement reads is the resolver's error to report
        // (Cursors.OtherVersion): which version that is, the statement itself knows.
        if (opened is not null) sql.Require($"{sql.VersionRead} = {sql.Bind(opened.Version, NpgsqlDbType.Integer)}");
        var after = opened?.Position;

        var query = request.Query;
        var filter = Filter(sql, query);
        var column = ProjectSql.SortColumn(query.Sort);
        Func<string, string> order = a => ProjectSql.Order(a, query.Sort, query.Descending);
        var page = Keyset(sql, filter, query, after);
        var first = SqlStatementBuilder.PageSize(request.First);
        string PageRows(string alias) => $"(SELECT * FROM {ProjectSql.Table} x WHERE {page("x")} ORDER BY {order("x")} LIMIT {first}) {alias}";
        int? list = null;
        string CursorOf(string alias)
        {
            list ??= CursorSigning.Name(sql, cursorQuery);
            sql.WritesMarkers = true;
            return CursorSigning.Marker(list.Value, $"{alias}.{column}", $"{alias}.slug");
        }
        // An empty page has no items and no cursors; whether rows follow it is asked of the table, as for any page.
        string EndCursor(bool last)
        {
            var alias = sql.Alias("c");
            return $"(SELECT {CursorOf(alias)} FROM {PageRows(alias)} ORDER BY {ProjectSql.Order(alias, query.Sort, query.Descending != last)} LIMIT 1)";
        }

        return SqlStatementBuilder.JsonObject(connection, field.SubfieldsFor(connection), part => part.Name switch
        {
            "nodes" => Nodes(sql, part, PageRows, order),
            "edges" when SqlStatementBuilder.ObjectTypeOf(part) is { } edge => Edges(sql, part, edge, PageRows, order, CursorOf),
            "totalCount" => $"(SELECT count(*)::int FROM {ProjectSql.Table} x WHERE {filter("x")})",
            "pageInfo" when SqlStatementBuilder.ObjectTypeOf(part) is { } pageInfo =>
                SqlStatementBuilder.JsonObject(pageInfo, part.SubfieldsFor(pageInfo), flag => flag.Name switch
                {
                    "hasNextPage" => $"(SELECT count(*) > {first} FROM (SELECT 1 FROM {ProjectSql.Table} x WHERE {page("x")} LIMIT {first} + 1) more)",
                    "hasPreviousPage" => after is null ? "false" : "true",
                    "startCursor" => EndCursor(last: false),
                    "endCursor" => EndCursor(last: true),
                    _ => null,
                }),
            _ => null,
        });
    }

    private static string? Nodes(SqlStatementBuilder sql, SelectedField nodes, Func<string, string> pageRows, Func<string, string> order)
    {
        var alias = sql.Alias("p");
        return ProjectMap.Project.Compile(sql, nodes, alias) is { } project
            ? SqlStatementBuilder.JsonArray(project, "FROM " + pageRows(alias), order(alias))
            : null;
    }

    private static string? Edges(SqlStatementBuilder sql, SelectedField edges, GraphQLObjectType edge, Func<string, string> pageRows,
        Func<string, string> order, Func<string, string> cursorOf)
    {
        var alias = sql.Alias("p");
        var element = SqlStatementBuilder.JsonObject(edge, edges.SubfieldsFor(edge), part => part.Name switch
        {
            "cursor" => cursorOf(alias),
            "node" => ProjectMap.Project.Compile(sql, part, alias),
            _ => null,
        });
        return element is null ? null : SqlStatementBuilder.JsonArray(element, "FROM " + pageRows(alias), order(alias));
    }

    /// <summary>The filter plus, after a cursor, the read model's keyset condition: the rows past its position in this order.</summary>
    private static Func<string, string> Keyset(SqlStatementBuilder sql, Func<string, string> filter, ProjectQuery query, string[]? after)
    {
        if (after is null) return filter;
        var value = sql.Bind(after[0], NpgsqlDbType.Text);
        var slug = sql.Bind(after[1], NpgsqlDbType.Text);
        return a => filter(a) + ProjectSql.After(a, query.Sort, query.Descending, value, slug);
    }

    private static string? Project(SqlStatementBuilder sql, SelectedField field)
    {
        if (field.Argument("slug") is not string slug) return null;
        var alias = sql.Alias("p");
        if (ProjectMap.Project.Compile(sql, field, alias) is not { } project) return null;
        // As the resolver (ReadSession.ProjectNamedAsync): the exact slug, else the one project another name points at.
        var exact = sql.Bind(slug, NpgsqlDbType.Text);
        var named = ReadSession.SlugsNamedSql(sql.Bind(slug.ToLowerInvariant(), NpgsqlDbType.Text), sql.Visible);
        return $"(SELECT {project} FROM projects {alias} WHERE {sql.Visible(alias)} AND {alias}.slug = coalesce("
               + $"(SELECT x.slug FROM projects x WHERE {sql.Visible("x")} AND x.slug = {exact}), "
               + $"(SELECT min(n.slug) FROM ({named}) n HAVING count(*) = 1)))";
    }

    /// <summary>Every project's revenue, of one quarter or all, in the units asked for.</summary>
    private static string? Revenue(SqlStatementBuilder sql, SelectedField field)
    {
        if (field.Argument("units") is not SeriesUnits units) return null;
        var quarter = sql.Given((field.Argument("quarter") as Quarter?)?.Ordinal, NpgsqlDbType.Integer);
        var metric = sql.Given(field.Argument("metric") is string m ? new[] { m } : null, NpgsqlDbType.Array | NpgsqlDbType.Text);
        return FigureMaps.Revenue(units).List(sql, field, a => FigureSql.MetricIn(a, metric) + FigureSql.Quarters(a, quarter, quarter));
    }

    private static string? Sources(SqlStatementBuilder sql, SelectedField field)
    {
        var alias = sql.Alias("s");
        return FigureMaps.Source.Compile(sql, field, alias) is { } source
            ? SqlStatementBuilder.JsonArray(source, $"FROM sources {alias} WHERE {sql.Visible(alias)}", $"{alias}.id")
            : null;
    }

    /// <summary>The read model's project filter (<c>ReadSession.ProjectsAsync</c>) for the rows aliased by the argument.</summary>
    private static Func<string, string> Filter(SqlStatementBuilder sql, ProjectQuery query)
    {
        var sector = sql.Given(query.Sector, NpgsqlDbType.Text);
        var slugs = sql.Given(query.Slugs?.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
        var search = sql.Given(query.Search is { } text ? ProjectSql.SearchText(text) : null, NpgsqlDbType.Text);
        return a => sql.Visible(a) + ProjectSql.Filter(a, sector, slugs, search);
    }
}
