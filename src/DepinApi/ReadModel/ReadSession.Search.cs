namespace DepinApi.ReadModel;

/// <summary>A figure found by <see cref="ReadSession.SearchFiguresAsync"/>: enough to show it and link to it.</summary>
/// <param name="Kind">The figure's collection, as in its URL: revenue, settlement-mix, token-prices, metrics, sector-figures.</param>
/// <param name="Owner">The project's slug, or a sector figure's scope.</param>
/// <param name="Basis">disclosed or estimate; null for token prices, which state none.</param>
public sealed record FigureHit(string Kind, string Id, string Owner, string? ProjectName, string Metric, string Period,
    string? Basis, string SourceId, string Quote);

/// <summary>A search across every kind of figure; null filters restrict nothing.</summary>
public sealed record FigureSearch
{
    /// <summary>Words that must all occur (case-insensitive) in the metric, the project's name, slug or token symbol, or the quote.</summary>
    public IReadOnlyList<string>? Words { get; init; }
    public IReadOnlyCollection<string>? Projects { get; init; }
    public string? Metric { get; init; }
    public string? Period { get; init; }
    public (string Kind, string Id)? After { get; init; }
    public int Limit { get; init; } = 50;
}

public sealed partial class ReadSession
{
    /// <summary>
    /// Every figure matching <paramref name="search"/>, in kind, id order. Words are matched with ILIKE on
    /// patterns whose wildcards are escaped: the data is a few thousand short texts at most, where a scan costs
    /// less than a millisecond and substring matching finds what full-text stemming would not (tickers, "io.net",
    /// parts of words).
    /// </summary>
    public Task<List<FigureHit>> SearchFiguresAsync(FigureSearch search, CancellationToken cancellationToken) =>
        QueryAsync($"""
            WITH figures AS ({FiguresOfEveryKind})
            SELECT f.kind, f.id, f.owner, p.name, f.metric, f.period, f.basis, f.source, f.quote
            FROM figures f
            LEFT JOIN projects p ON p.slug = f.owner AND {Visible("p")}
            WHERE (@projects IS NULL OR f.owner = ANY(@projects))
              AND (@metric IS NULL OR f.metric = @metric)
              AND (@period IS NULL OR f.period = @period)
              AND (@patterns IS NULL
                   OR concat_ws(' ', f.metric, replace(f.metric, '_', ' '), f.owner, p.name, p.token_symbol, f.quote) ILIKE ALL (@patterns))
              AND (@after_kind IS NULL OR (f.kind, f.id) > (@after_kind, @after_id))
            ORDER BY f.kind, f.id
            LIMIT @limit
            """, p =>
        {
            p.AddList("projects", search.Projects);
            p.AddText("metric", search.Metric);
            p.AddText("period", search.Period);
            p.AddList("patterns", search.Words?.Select(Contains).ToArray());
            p.AddText("after_kind", search.After?.Kind);
            p.AddText("after_id", search.After?.Id);
            p.AddInt("limit", search.Limit);
        }, r => new FigureHit(r.GetString(0), r.GetString(1), r.GetString(2), r.TextOrNull(3), r.GetString(4), r.GetString(5),
            r.TextOrNull(6), r.GetString(7), r.GetString(8)), cancellationToken);

    /// <summary>
    /// The metrics the figures of the version state, and whether any states <paramref name="period"/>: what tells an
    /// empty search from a misspelt filter.
    /// </summary>
    public async Task<(IReadOnlyList<string> Metrics, bool PeriodStated)> FigureVocabularyAsync(string? period, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync($"""
            WITH figures AS ({FiguresOfEveryKind})
            SELECT DISTINCT f.metric, @period IS NOT NULL AND EXISTS (SELECT 1 FROM figures x WHERE x.period = @period)
            FROM figures f
            ORDER BY f.metric
            """, p => p.AddText("period", period), r => (Metric: r.GetString(0), PeriodStated: r.GetBoolean(1)), cancellationToken);
        return (rows.Select(r => r.Metric).ToList(), rows.Any(r => r.PeriodStated));
    }

    // Every figure of the version as one list: its kind (as in its URL), id, owner, metric, period as the figures
    // write it, basis, source and quote.
    private string FiguresOfEveryKind => $"""
                SELECT 'revenue' AS kind, r.id, r.project AS owner, r.metric, r.year || 'Q' || r.quarter AS period,
                       r.basis, r.source, r.quote
                FROM revenue_figures r WHERE {Visible("r")}
                UNION ALL
                SELECT 'settlement-mix', m.id, m.project, 'settlement_mix', to_char(m.as_of, 'YYYY-MM-DD'), m.basis, m.source, m.quote
                FROM settlement_mix m WHERE {Visible("m")}
                UNION ALL
                SELECT 'token-prices', t.id, t.project, 'token_price', to_char(t.date, 'YYYY-MM-DD'), '{Domain.Vocabularies.MarketPriceBasis}', t.source, t.quote
                FROM token_prices t WHERE {Visible("t")}
                UNION ALL
                SELECT 'metrics', n.id, n.project, n.metric, n.period, n.basis, n.source, n.quote
                FROM network_metrics n WHERE {Visible("n")}
                UNION ALL
                SELECT 'sector-figures', s.id, s.scope, s.metric, s.period, s.basis, s.source, s.quote
                FROM sector_figures s WHERE {Visible("s")}
            """;

    // The word as an ILIKE pattern matching it anywhere, its own % and _ taken literally.
    private static string Contains(string word) =>
        "%" + word.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal)
            .Replace("_", @"\_", StringComparison.Ordinal) + "%";
}
