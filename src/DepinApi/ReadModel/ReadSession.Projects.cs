using Npgsql;

namespace DepinApi.ReadModel;

public sealed partial class ReadSession
{
    private const string ProjectColumns = "p.slug, p.name, p.sector, p.sub_track, p.token_symbol, p.chain, p.website, p.description";

    public Task<List<Project>> ProjectsAsync(ProjectQuery query, CancellationToken cancellationToken)
    {
        var sortColumn = query.Sort == ProjectSort.Name ? "p.name" : "p.slug";
        var direction = query.Descending ? "DESC" : "ASC";
        var comparison = query.Descending ? "<" : ">";
        var sql = $"""
            SELECT {ProjectColumns} FROM projects p
            WHERE {Visible("p")}
              AND (@sector IS NULL OR p.sector = @sector)
              AND (@slugs IS NULL OR p.slug = ANY(@slugs))
              AND (@search IS NULL OR strpos(lower(p.name), @search) > 0 OR strpos(p.slug, @search) > 0
                   OR strpos(lower(p.token_symbol), @search) > 0)
              AND (@after_value IS NULL OR ({sortColumn}, p.slug) {comparison} (@after_value, @after_slug))
            ORDER BY {sortColumn} {direction}, p.slug {direction}
            LIMIT @limit
            """;
        return QueryAsync(sql, p =>
        {
            p.AddText("sector", query.Sector);
            p.AddList("slugs", query.Slugs);
            p.AddText("search", query.Search?.ToLowerInvariant());
            p.AddText("after_value", query.After?.SortValue);
            p.AddText("after_slug", query.After?.Slug);
            p.AddInt("limit", query.Limit);
        }, ReadProject, cancellationToken);
    }

    public async Task<Project?> ProjectAsync(string slug, CancellationToken cancellationToken) =>
        (await ProjectsAsync(new ProjectQuery { Slugs = [slug] }, cancellationToken)).SingleOrDefault();

    private static Project ReadProject(NpgsqlDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.TextOrNull(5), r.TextOrNull(6),
        r.GetString(7));
}
