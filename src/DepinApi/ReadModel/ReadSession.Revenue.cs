using Npgsql;

namespace DepinApi.ReadModel;

public sealed partial class ReadSession
{
    public Task<List<RevenueFigure>> RevenueAsync(RevenueQuery query, CancellationToken cancellationToken)
    {
        // Quarters compare as ordinals (year * 4 + quarter - 1) so a range is one index-friendly comparison.
        var sql = $"""
            SELECT r.id, r.project, r.year, r.quarter, r.metric, r.amount_usd, r.basis, r.qualifier, r.quote, {SourceColumns}
            FROM revenue_figures r {JoinSource("r")}
            WHERE {Visible("r")}
              AND (@projects IS NULL OR r.project = ANY(@projects))
              AND (@metrics IS NULL OR r.metric = ANY(@metrics))
              AND (@source IS NULL OR r.source = @source)
              AND (@from IS NULL OR r.year * 4 + r.quarter - 1 >= @from)
              AND (@to IS NULL OR r.year * 4 + r.quarter - 1 <= @to)
            ORDER BY r.project, r.year, r.quarter, r.metric, r.id
            """;
        return QueryAsync(sql, p =>
        {
            p.AddList("projects", query.Projects);
            p.AddList("metrics", query.Metrics);
            p.AddText("source", query.SourceId);
            p.AddInt("from", query.From?.Ordinal);
            p.AddInt("to", query.To?.Ordinal);
        }, ReadRevenue, cancellationToken);
    }

    private RevenueFigure ReadRevenue(NpgsqlDataReader r) => new(
        r.GetString(0), r.GetString(1), new Quarter(r.GetInt16(2), r.GetInt16(3)), r.GetString(4), r.GetDecimal(5),
        r.GetString(6), r.TextOrNull(7), ReadSource(r, 9), r.GetString(8));
}
