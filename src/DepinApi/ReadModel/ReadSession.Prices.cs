using Npgsql;

namespace DepinApi.ReadModel;

public sealed partial class ReadSession
{
    private const string PriceColumns =
        "t.id, t.project, t.token_symbol, t.date, t.price_usd, t.change_30d, t.change_90d, t.change_1y, t.qualifier, t.quote";

    /// <summary>Streams prices in project, date, id order; read it to the end before the next query.</summary>
    public IAsyncEnumerable<TokenPrice> TokenPricesAsync(PriceQuery query, CancellationToken cancellationToken)
    {
        var sql = $"""
            SELECT {PriceColumns}, {SourceColumns}
            FROM token_prices t {JoinSource("t")}
            WHERE {Visible("t")}
              AND (@projects IS NULL OR t.project = ANY(@projects))
              AND (@source IS NULL OR t.source = @source)
              AND (@from IS NULL OR t.date >= @from)
              AND (@to IS NULL OR t.date <= @to)
              AND (@after_project IS NULL OR (t.project, t.date, t.id) > (@after_project, @after_date, @after_id))
            ORDER BY t.project, t.date, t.id
            LIMIT @limit
            """;
        return StreamAsync(sql, p =>
        {
            p.AddList("projects", query.Projects);
            p.AddText("source", query.SourceId);
            p.AddDate("from", query.From);
            p.AddDate("to", query.To);
            p.AddText("after_project", query.After?.Project);
            p.AddDate("after_date", query.After?.Date);
            p.AddText("after_id", query.After?.Id);
            p.AddInt("limit", query.Limit);
        }, ReadPrice, cancellationToken);
    }

    /// <summary>
    /// Each project's newest stated price (rows that give only a change are skipped), on or before
    /// <paramref name="onOrBefore"/> when given.
    /// </summary>
    public Task<List<TokenPrice>> LatestTokenPricesAsync(IReadOnlyCollection<string>? projects, DateOnly? onOrBefore,
        CancellationToken cancellationToken)
    {
        var sql = $"""
            SELECT DISTINCT ON (t.project) {PriceColumns}, {SourceColumns}
            FROM token_prices t {JoinSource("t")}
            WHERE {Visible("t")} AND t.price_usd IS NOT NULL
              AND (@projects IS NULL OR t.project = ANY(@projects))
              AND (@on_or_before IS NULL OR t.date <= @on_or_before)
            ORDER BY t.project, t.date DESC, t.id DESC
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
