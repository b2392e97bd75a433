using Npgsql;

namespace DepinApi.ReadModel;

public sealed partial class ReadSession
{
    private const string PriceColumns =
        "t.id, t.project, t.token_symbol, t.date, t.price_usd, t.change_30d, t.change_90d, t.change_1y, t.qualifier, t.quote";

    /// <summary>Streams prices in project, date, id order; read it to the end before the next query.</summary>
    public IAsyncEnumerable<TokenPrice> TokenPricesAsync(PriceQuery query, CancellationToken cancellationToken) =>
        StreamAsync(PricesSql(query), p => BindPrices(p, query, limit: true), ReadPrice, cancellationToken);

    /// <summary>
    /// The <paramref name="limit"/> prices of <paramref name="project"/> just before the price at
    /// (<paramref name="date"/>, <paramref name="id"/>) in series order, nearest first: one backward index scan, where
    /// reading the series from its start to reach them read a long series whole.
    /// </summary>
    public Task<List<TokenPrice>> TokenPricesBeforeAsync(string project, DateOnly date, string id, int limit,
        CancellationToken cancellationToken) =>
        QueryAsync($"""
            SELECT {PriceColumns}, {SourceColumns}
            FROM {FigureSql.TokenPrices.Table} t {JoinSource("t")}
            WHERE {Visible("t")}{FigureSql.TokenPrices.Of("t", "@project")}
              AND t.date <= @before_date AND (t.date, t.id) < (@before_date, @before_id)
            ORDER BY {FigureSql.NewestFirst("t")}
            LIMIT @limit
            """, p =>
        {
            p.AddText("project", project);
            p.AddDate("before_date", date);
            p.AddText("before_id", id);
            p.AddInt("limit", limit);
        }, ReadPrice, cancellationToken);

    /// <summary>
    /// The project whose own slug is <paramref name="slug"/> and a page of its prices (<see cref="TokenPricesAsync"/>)
    /// in one statement: a row per price, each with the project (a row with no price when the page is empty), and no
    /// row when no project has that slug. Queued in advance it is the session's only statement
    /// (<see cref="ReadSessionFactory.OpenAsync{T}"/>).
    /// </summary>
    public Task<List<(Project Project, TokenPrice? Price)>> ProjectTokenPricesAsync(string slug, PriceQuery query,
        CancellationToken cancellationToken)
    {
        // Both statements end in LIMIT @limit: the project's is bound to the page's, which one project's row never reaches.
        var project = new ProjectQuery { Slugs = [slug], Limit = query.Limit };
        return ProjectWithRowsAsync<TokenPrice?>(project, ProjectWithRowsSql(project, PricesSql(query)), PriceAndSourceColumns,
            p => BindPrices(p, query, limit: false), ReadPrice, none: null, cancellationToken);
    }

    /// <summary>The columns of a row of <see cref="PricesSql"/>: a price's and its source's.</summary>
    private const int PriceAndSourceColumns = 17;

    private string PricesSql(PriceQuery query) => $"""
        SELECT {PriceColumns}, {SourceColumns}
        FROM {FigureSql.TokenPrices.Table} t {JoinSource("t")}
        WHERE {Visible("t")}{SeriesPosition(query)}{FigureSql.Citing("t", Given(query.SourceId, "@source"))}
          {FigureSql.Days("t", Given(query.From, "@from"), Given(query.To, "@to"))}
        ORDER BY {FigureSql.TokenPrices.Order("t")}
        LIMIT @limit
        """;

    private static void BindPrices(NpgsqlParameterCollection p, PriceQuery query, bool limit)
    {
        p.AddList("projects", query.Projects);
        p.AddText("project", query.Projects?.FirstOrDefault());
        p.AddText("source", query.SourceId);
        p.AddDate("from", query.From);
        p.AddDate("to", query.To);
        p.AddText("after_project", query.After?.Project);
        p.AddDate("after_date", query.After?.Date);
        p.AddText("after_id", query.After?.Id);
        if (limit)
            p.AddInt("limit", query.Limit);
    }

    // Which projects, and where after the cursor to start. Postgres 15 positions an index scan by a
    // plain "project = x AND date >= d" but not by a row comparison next to "= ANY(...)": the
    // page after 99,900 rows of one series then reads all of them again (measured 30 ms against
    // 0.4 ms). So one project's series is asked for in the plain form, and a list of several
    // starts at the cursor's project with a scalar bound the index can use.
    private static string SeriesPosition(PriceQuery query)
    {
        var single = query.Projects is { Count: 1 } ? query.Projects.First() : null;
        if (single is not null && (query.After is null || query.After.Value.Project == single))
            return FigureSql.TokenPrices.Of("t", "@project") + (query.After is null
                ? ""
                : " AND t.date >= @after_date AND (t.date, t.id) > (@after_date, @after_id)");
        var projects = FigureSql.TokenPrices.OfAny("t", Given(query.Projects, "@projects"));
        return query.After is null
            ? projects
            : projects + " AND t.project >= @after_project AND (t.project, t.date, t.id) > (@after_project, @after_date, @after_id)";
    }

    /// <summary>
    /// Each project's newest stated price (rows that give only a change are skipped), on or before
    /// <paramref name="onOrBefore"/> when given, in project order.
    /// </summary>
    /// <remarks>
    /// One lookup per project, each the first row of the project's series newest first (as compiled GraphQL reads
    /// <c>latestPrice</c>), rather than <c>DISTINCT ON (project)</c> over every price of the projects: that joined and
    /// sorted a project's whole series to keep one row, and on five years of daily prices answered about a tenth as
    /// fast (docs/performance.md, *Means*).
    /// </remarks>
    public Task<List<TokenPrice>> LatestTokenPricesAsync(IReadOnlyCollection<string>? projects, DateOnly? onOrBefore,
        CancellationToken cancellationToken)
    {
        var owners = projects is null ? "SELECT k.slug FROM project_keys k" : "SELECT DISTINCT unnest(@projects)";
        var sql = $"""
            SELECT latest.* FROM ({owners}) o (project)
            CROSS JOIN LATERAL (
                SELECT {PriceColumns}, {SourceColumns}
                FROM {FigureSql.TokenPrices.Table} t {JoinSource("t")}
                WHERE {Visible("t")}{FigureSql.Stated("t")}{FigureSql.TokenPrices.Of("t", "o.project")}
                  {FigureSql.Days("t", null, Given(onOrBefore, "@on_or_before"))}
                ORDER BY {FigureSql.NewestFirst("t")}
                LIMIT 1) latest
            ORDER BY o.project
            """;
        return QueryAsync(sql, p =>
        {
            p.AddList("projects", projects);
            p.AddDate("on_or_before", onOrBefore);
        }, ReadPrice, cancellationToken);
    }

    private TokenPrice ReadPrice(NpgsqlDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.Date(3), r.DecimalOrNull(4), r.DecimalOrNull(5),
        r.DecimalOrNull(6), r.DecimalOrNull(7), r.TextOrNull(8), ReadSource(r, 10), r.GetString(9));
}
