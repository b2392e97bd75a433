using Npgsql;

namespace DepinApi.ReadModel;

/// <summary>
/// One figure by its permanent id: a first command reads where the figure sits (project, quarter, date …) through
/// the table's unique key, and the list query for that spot returns it with its source, so every figure is mapped
/// in one place.
/// </summary>
public sealed partial class ReadSession
{
    public async Task<RevenueFigure?> RevenueFigureAsync(string id, CancellationToken cancellationToken)
    {
        var spot = await SpotAsync("revenue_figures", "project, year, quarter", id,
            r => (Project: r.GetString(0), Quarter: new Quarter(r.GetInt16(1), r.GetInt16(2))), cancellationToken);
        if (spot is not [var s])
            return null;
        var figures = await RevenueAsync(new RevenueQuery { Projects = [s.Project], From = s.Quarter, To = s.Quarter }, cancellationToken);
        return figures.SingleOrDefault(f => f.Id == id);
    }

    public async Task<TokenPrice?> TokenPriceAsync(string id, CancellationToken cancellationToken)
    {
        var spot = await SpotAsync("token_prices", "project, date", id,
            r => (Project: r.GetString(0), Date: r.GetFieldValue<DateOnly>(1)), cancellationToken);
        if (spot is not [var s])
            return null;
        await foreach (var price in TokenPricesAsync(new PriceQuery { Projects = [s.Project], From = s.Date, To = s.Date }, cancellationToken))
            if (price.Id == id)
                return price;
        return null;
    }

    public async Task<SettlementMix?> SettlementMixFigureAsync(string id, CancellationToken cancellationToken) =>
        await ProjectOfAsync("settlement_mix", id, cancellationToken) is [var project]
            ? (await SettlementMixAsync(new FigureQuery { Projects = [project] }, cancellationToken)).SingleOrDefault(f => f.Id == id)
            : null;

    public async Task<NetworkMetric?> NetworkMetricAsync(string id, CancellationToken cancellationToken) =>
        await ProjectOfAsync("network_metrics", id, cancellationToken) is [var project]
            ? (await NetworkMetricsAsync(new FigureQuery { Projects = [project] }, cancellationToken)).SingleOrDefault(f => f.Id == id)
            : null;

    public async Task<SectorFigure?> SectorFigureAsync(string id, CancellationToken cancellationToken)
    {
        var scope = await SpotAsync("sector_figures", "scope", id, r => r.GetString(0), cancellationToken);
        return scope is not [var owner]
            ? null
            : (await SectorFiguresAsync(new FigureQuery { Projects = [owner] }, cancellationToken)).SingleOrDefault(f => f.Id == id);
    }

    private Task<List<string>> ProjectOfAsync(string table, string id, CancellationToken cancellationToken) =>
        SpotAsync(table, "project", id, r => r.GetString(0), cancellationToken);

    // Table and column names are constants of this class, never request input.
    private Task<List<T>> SpotAsync<T>(string table, string columns, string id, Func<NpgsqlDataReader, T> map,
        CancellationToken cancellationToken) =>
        QueryAsync($"SELECT {columns} FROM {table} x WHERE x.id = @id AND {Visible("x")}",
            p => p.AddWithValue("id", id), map, cancellationToken);
}
