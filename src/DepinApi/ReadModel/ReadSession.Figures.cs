using Npgsql;

namespace DepinApi.ReadModel;

public sealed partial class ReadSession
{
    public Task<List<SettlementMix>> SettlementMixAsync(FigureQuery query, CancellationToken cancellationToken) =>
        QueryAsync($"""
            SELECT m.id, m.project, m.as_of, m.stablecoin_share, m.native_share, m.label, m.basis, m.qualifier, m.quote,
                   {SourceColumns}
            FROM {FigureSql.SettlementMix.Table} m {JoinSource("m")}
            WHERE {Visible("m")}{FigureFilter(FigureSql.SettlementMix, "m", query)}
            ORDER BY {FigureSql.SettlementMix.Order("m")}
            """, p => BindFigureFilter(p, query),
            r => new SettlementMix(r.GetString(0), r.GetString(1), r.Date(2), r.DecimalOrNull(3), r.DecimalOrNull(4),
                r.TextOrNull(5), r.GetString(6), r.TextOrNull(7), ReadSource(r, 9), r.GetString(8)),
            cancellationToken);

    /// <summary>The metrics the version's network metrics state (of any project), in code-point order.</summary>
    public async Task<IReadOnlyList<string>> NetworkMetricNamesAsync(CancellationToken cancellationToken) =>
        (await QueryAsync(FigureSql.NetworkMetrics.MetricsStated(Visible), _ => { }, r => r.GetString(0), cancellationToken))
        .Order(StringComparer.Ordinal).ToList();

    public Task<List<NetworkMetric>> NetworkMetricsAsync(FigureQuery query, CancellationToken cancellationToken) =>
        QueryAsync($"""
            SELECT n.id, n.project, n.period, n.period_start, n.period_end, n.metric, n.value, n.value_max, n.unit,
                   n.basis, n.qualifier, n.quote, {SourceColumns}
            FROM {FigureSql.NetworkMetrics.Table} n {JoinSource("n")}
            WHERE {Visible("n")}{FigureFilter(FigureSql.NetworkMetrics, "n", query)}
            ORDER BY {FigureSql.NetworkMetrics.Order("n")}
            """, p => BindFigureFilter(p, query),
            r => new NetworkMetric(r.GetString(0), r.GetString(1), r.GetString(2), r.Date(3), r.Date(4), r.GetString(5),
                r.GetDecimal(6), r.DecimalOrNull(7), r.GetString(8), r.GetString(9), r.TextOrNull(10), ReadSource(r, 12),
                r.GetString(11)),
            cancellationToken);

    /// <summary>Sector-wide figures; <see cref="FigureQuery.Projects"/> here filters by scope ("depin", "depin_compute").</summary>
    public Task<List<SectorFigure>> SectorFiguresAsync(FigureQuery query, CancellationToken cancellationToken) =>
        QueryAsync($"""
            SELECT f.id, f.scope, f.period, f.period_start, f.period_end, f.metric, f.value, f.value_max, f.unit,
                   f.basis, f.qualifier, f.quote, {SourceColumns}
            FROM {FigureSql.SectorFigures.Table} f {JoinSource("f")}
            WHERE {Visible("f")}{FigureFilter(FigureSql.SectorFigures, "f", query)}
            ORDER BY {FigureSql.SectorFigures.Order("f")}
            """, p => BindFigureFilter(p, query),
            r => new SectorFigure(r.GetString(0), r.GetString(1), r.GetString(2), r.Date(3), r.Date(4), r.GetString(5),
                r.GetDecimal(6), r.DecimalOrNull(7), r.GetString(8), r.GetString(9), r.TextOrNull(10), ReadSource(r, 12),
                r.GetString(11)),
            cancellationToken);

    private static string FigureFilter(FigureSql figures, string alias, FigureQuery query) =>
        figures.OfAny(alias, Given(query.Projects, "@owners")) + FigureSql.Citing(alias, Given(query.SourceId, "@source"))
        + FigureSql.Metric(alias, Given(query.Metric, "@metric"));

    private static void BindFigureFilter(NpgsqlParameterCollection parameters, FigureQuery query)
    {
        parameters.AddList("owners", query.Projects);
        parameters.AddText("source", query.SourceId);
        parameters.AddText("metric", query.Metric);
    }
}
