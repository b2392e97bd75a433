using Npgsql;

namespace DepinApi.ReadModel;

public sealed partial class ReadSession
{
    private const string ProjectColumns = "p.slug, p.name, p.sector, p.sub_track, p.token_symbol, p.chain, p.website, p.description";

    public Task<List<Project>> ProjectsAsync(ProjectQuery query, CancellationToken cancellationToken) =>
        QueryAsync(ProjectsSql(query), p => BindProjects(p, query), r => ReadProject(r), cancellationToken);

    private string ProjectsSql(ProjectQuery query) => $"""
        SELECT {ProjectColumns} FROM {ProjectSql.Table} p
        WHERE {Visible("p")}{ProjectSql.Filter("p", Given(query.Sector, "@sector"), Given(query.Slugs, "@slugs"), Given(query.Search, "@search"))}
          {ProjectSql.After("p", query.Sort, query.Descending, Given(query.After, "@after_value"), "@after_slug")}
        ORDER BY {ProjectSql.Order("p", query.Sort, query.Descending)}
        LIMIT @limit
        """;

    private static void BindProjects(NpgsqlParameterCollection p, ProjectQuery query)
    {
        p.AddText("sector", query.Sector);
        p.AddList("slugs", query.Slugs);
        p.AddText("search", query.Search is { } search ? ProjectSql.SearchText(search) : null);
        p.AddText("after_value", query.After?.SortValue);
        p.AddText("after_slug", query.After?.Slug);
        p.AddInt("limit", query.Limit);
    }

    /// <summary>
    /// The project <paramref name="project"/> selects and, for it, the rows of <paramref name="rowsSql"/>, in one
    /// statement: a row per row read, each with the project's columns after the read's <paramref name="rowColumns"/>;
    /// one row with <paramref name="none"/> when the read finds nothing; no row when no project is selected. Queued in
    /// advance it is the session's only statement (<see cref="ReadSessionFactory.OpenAsync{T}"/>).
    /// </summary>
    /// <param name="sql">The statement, <see cref="ProjectWithRowsSql"/> of <paramref name="project"/> and the rows' own.</param>
    private Task<List<(Project Project, TRow Row)>> ProjectWithRowsAsync<TRow>(ProjectQuery project, string sql, int rowColumns,
        Action<NpgsqlParameterCollection> bindRows, Func<NpgsqlDataReader, TRow> readRow, TRow none, CancellationToken cancellationToken)
    {
        // Every row repeats its project's columns; the project is read from its first row only, so a page of a
        // series makes one instance and not one per row (its description alone is a string per row otherwise).
        Project? last = null;
        return QueryAsync(sql, p =>
        {
            BindProjects(p, project);
            bindRows(p);
        }, r =>
        {
            if (last is null || last.Slug != r.GetString(rowColumns)) last = ReadProject(r, rowColumns);
            return (last, r.IsDBNull(0) ? none : readRow(r));
        }, cancellationToken);
    }

    /// <summary>The statement of <see cref="ProjectWithRowsAsync"/>: the project <paramref name="project"/> selects and, for it, the rows of <paramref name="rowsSql"/>.</summary>
    private string ProjectWithRowsSql(ProjectQuery project, string rowsSql) =>
        // A nested loop over the project's row keeps the rows in the order their own statement reads them.
        $"""
        SELECT item.*, project.*
        FROM ({ProjectsSql(project)}) project
        LEFT JOIN LATERAL ({rowsSql}) item ON true
        """;

    /// <summary>Every project, by sector and then slug, in the order the sector summaries list them (<see cref="ProjectSql.SectorOrder"/>).</summary>
    public Task<List<Project>> ProjectsBySectorAsync(CancellationToken cancellationToken) =>
        QueryAsync($"SELECT {ProjectColumns} FROM {ProjectSql.Table} p WHERE {Visible("p")} "
                   + $"ORDER BY {ProjectSql.SectorOrder("p")}, {ProjectSql.InSectorOrder("p")}",
            null, r => ReadProject(r), cancellationToken);

    public async Task<Project?> ProjectAsync(string slug, CancellationToken cancellationToken) =>
        (await ProjectsAsync(new ProjectQuery { Slugs = [slug] }, cancellationToken)).SingleOrDefault();

    /// <summary>
    /// The slugs of the projects <paramref name="name"/> names other than by its exact slug, ignoring case: a
    /// former slug (project_slug_aliases), the slug itself, the token symbol (hnt), the name (io.net) or the
    /// name written as a slug (akash-network). More than one slug means the name is ambiguous.
    /// </summary>
    public Task<List<string>> SlugsNamedAsync(string name, CancellationToken cancellationToken) =>
        QueryAsync(SlugsNamedSql("@name", Visible) + " ORDER BY 1",
            p => p.AddText("name", name.ToLowerInvariant()), r => r.GetString(0), cancellationToken);

    /// <summary>
    /// The project <paramref name="name"/> names: by its exact slug, else by the one project another of its names
    /// (<see cref="SlugsNamedAsync"/>) points at; null when none or several.
    /// </summary>
    public async Task<Project?> ProjectNamedAsync(string name, CancellationToken cancellationToken) =>
        await ProjectAsync(name, cancellationToken)
        ?? (await SlugsNamedAsync(name, cancellationToken) is [var slug] ? await ProjectAsync(slug, cancellationToken) : null);

    /// <summary>
    /// SQL selecting the slugs that the lower-cased name in <paramref name="name"/> (a bound parameter) names; one
    /// home for REST's redirects and GraphQL's compiled <c>project(slug:)</c>.
    /// </summary>
    public static string SlugsNamedSql(string name, Func<string, string> visible) => $"""
        SELECT p.slug FROM projects p
        WHERE {visible("p")}
          AND (p.slug = {name} OR lower(p.token_symbol) = {name} OR lower(p.name) = {name}
               OR trim(BOTH '-' FROM regexp_replace(lower(p.name), '[^a-z0-9]+', '-', 'g')) = {name})
        UNION
        SELECT a.slug FROM project_slug_aliases a WHERE {visible("a")} AND a.alias = {name}
        """;

    /// <summary>A project from <see cref="ProjectColumns"/>, the first of them at <paramref name="at"/>.</summary>
    private static Project ReadProject(NpgsqlDataReader r, int at = 0) => new(
        r.GetString(at), r.GetString(at + 1), r.GetString(at + 2), r.GetString(at + 3), r.GetString(at + 4), r.TextOrNull(at + 5),
        r.TextOrNull(at + 6), r.GetString(at + 7));
}
