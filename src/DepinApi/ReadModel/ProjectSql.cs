namespace DepinApi.ReadModel;

/// <summary>
/// Which projects a list holds, in which order and after which cursor, written once for both readers of it: the read
/// model's <see cref="ReadSession.ProjectsAsync"/> (REST and the GraphQL resolvers) and the compiled GraphQL
/// <c>projects</c> connection. As in <see cref="FigureSql"/>, a condition takes the row's alias and the placeholders
/// of values already bound, reads " AND …", and a null placeholder filters nothing.
/// </summary>
internal static class ProjectSql
{
    public const string Table = "projects";

    /// <summary>The column a list is sorted by, which its cursors carry; the slug breaks ties.</summary>
    public static string SortColumn(ProjectSort sort) => sort == ProjectSort.Name ? "name" : "slug";

    /// <summary>
    /// What a list is ordered by, of the sort column's value in <paramref name="value"/> (a column or a bound
    /// placeholder). Names are compared as a reader files them, ignoring the case of ASCII letters ("io.net" between
    /// "Hivemapper" and "Render Network"), and in code-point order otherwise (<c>COLLATE "C"</c>): the same order
    /// whatever the database's collation, so a deployment's order and cursors do not depend on how its cluster was
    /// made.
    /// </summary>
    private static string SortKey(ProjectSort sort, string value) =>
        sort == ProjectSort.Name ? $"lower({value} COLLATE \"C\")" : value;

    /// <summary>The projects of the sector <paramref name="sector"/>, of the slugs in the array <paramref name="slugs"/>, and matching <paramref name="search"/>.</summary>
    /// <param name="search">The placeholder of <see cref="SearchText"/>: a substring of the name, slug or token symbol, ignoring case.</param>
    public static string Filter(string alias, string? sector, string? slugs, string? search) =>
        (sector is null ? "" : $" AND {alias}.sector = {sector}")
        + (slugs is null ? "" : $" AND {alias}.slug = ANY({slugs})")
        + (search is null
            ? ""
            : $" AND (strpos(lower({alias}.name), {search}) > 0 OR strpos({alias}.slug, {search}) > 0 OR strpos(lower({alias}.token_symbol), {search}) > 0)");

    /// <summary>The value to bind for a search: compared lower-cased, as the filter lower-cases the columns.</summary>
    public static string SearchText(string search) => search.ToLowerInvariant();

    /// <summary>The list's order: by the sort column, then the slug, both one way.</summary>
    public static string Order(string alias, ProjectSort sort, bool descending)
    {
        var direction = descending ? "DESC" : "ASC";
        return $"{SortKey(sort, $"{alias}.{SortColumn(sort)}")} {direction}, {alias}.slug {direction}";
    }

    /// <summary>
    /// The order of the sector summaries: sectors, and each sector's projects by slug, in ordinal order (<c>COLLATE
    /// "C"</c>), whatever the database's collation.
    /// </summary>
    public static string SectorOrder(string alias) => $"{alias}.sector COLLATE \"C\"";

    /// <summary>A sector's projects by slug, ordinal (see <see cref="SectorOrder"/>).</summary>
    public static string InSectorOrder(string alias) => $"{alias}.slug COLLATE \"C\"";

    /// <summary>The keyset condition: the projects past the cursor (<paramref name="value"/>, <paramref name="slug"/>) in the list's order.</summary>
    public static string After(string alias, ProjectSort sort, bool descending, string? value, string? slug) =>
        value is null || slug is null
            ? ""
            : $" AND ({SortKey(sort, $"{alias}.{SortColumn(sort)}")}, {alias}.slug) {(descending ? "<" : ">")} ({SortKey(sort, value)}, {slug})";
}
