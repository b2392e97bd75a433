namespace DepinApi.ReadModel;

public sealed partial class ReadSession
{
    /// <summary>
    /// Per project, every row of the newest day on which it states a 1-year change (and a price
    /// too when <paramref name="withPrice"/>): the only rows a "newest 1-year change" rule can
    /// pick, whatever the length of the series. The caller breaks ties within the day, so the
    /// choice is its own and the same as over the whole series.
    /// </summary>
    public Task<List<TokenPrice>> NewestYearChangesAsync(IReadOnlyCollection<string> projects, bool withPrice,
        CancellationToken cancellationToken)
    {
        // One backward index scan per project, stopping at the first row that states the figure;
        // rows without one are skipped inside Postgres instead of being sent.
        var sql = $"""
            SELECT {PriceColumns}, {SourceColumns}
            FROM unnest(@projects) AS p(slug)
            CROSS JOIN LATERAL (
                SELECT max(d.date) AS date FROM token_prices d
                WHERE d.project = p.slug AND {Visible("d")} {Stated("d")}
            ) newest
            JOIN token_prices t ON t.project = p.slug AND t.date = newest.date
            {JoinSource("t")}
            WHERE {Visible("t")} {Stated("t")}
            ORDER BY t.project, t.id
            """;
        return QueryAsync(sql, p => p.AddList("projects", projects), ReadPrice, cancellationToken);

        string Stated(string alias) => withPrice
            ? $"AND {alias}.change_1y IS NOT NULL AND {alias}.price_usd IS NOT NULL"
            : $"AND {alias}.change_1y IS NOT NULL";
    }
}
