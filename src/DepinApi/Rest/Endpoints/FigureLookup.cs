using DepinApi.ReadModel;
using DepinApi.Rest.Infrastructure;

namespace DepinApi.Rest.Endpoints;

/// <summary>
/// Finds one figure by its permanent id: a first query reads where the figure sits (project,
/// quarter, date …) through the table's unique key, and the read model's own query for that
/// spot returns it with its source, so every view maps figures in one place.
/// </summary>
public static class FigureLookup
{
    public static async Task<RevenueFigure?> RevenueAsync(ReadSession session, string id, CancellationToken cancellationToken)
    {
        var spot = await SpotAsync(session, "revenue_figures", "project, year, quarter", id,
            r => (Project: r.GetString(0), Quarter: new Quarter(r.GetInt16(1), r.GetInt16(2))), cancellationToken);
        if (spot is not [var s])
            return null;
        var figures = await session.RevenueAsync(new RevenueQuery { Projects = [s.Project], From = s.Quarter, To = s.Quarter }, cancellationToken);
        return figures.SingleOrDefault(f => f.Id == id);
    }

    public static async Task<TokenPrice?> TokenPriceAsync(ReadSession session, string id, CancellationToken cancellationToken)
    {
        var spot = await SpotAsync(session, "token_prices", "project, date", id,
            r => (Project: r.GetString(0), Date: r.GetFieldValue<DateOnly>(1)), cancellationToken);
        if (spot is not [var s])
            return null;
        await foreach (var price in session.TokenPricesAsync(new PriceQuery { Projects = [s.Project], From = s.Date, To = s.Date }, cancellationToken))
            if (price.Id == id)
                return price;
        return null;
    }

    public static async Task<SettlementMix?> SettlementMixAsync(ReadSession session, string id, CancellationToken cancellationToken) =>
        await ProjectOfAsync(session, "settlement_mix", id, cancellationToken) is [var project]
            ? (await session.SettlementMixAsync(new FigureQuery { Projects = [project] }, cancellationToken)).SingleOrDefault(f => f.Id == id)
            : null;

    public static async Task<NetworkMetric?> NetworkMetricAsync(ReadSession session, string id, CancellationToken cancellationToken) =>
        await ProjectOfAsync(session, "network_metrics", id, cancellationToken) is [var project]
            ? (await session.NetworkMetricsAsync(new FigureQuery { Projects = [project] }, cancellationToken)).SingleOrDefault(f => f.Id == id)
            : null;

    public static async Task<SectorFigure?> SectorFigureAsync(ReadSession session, string id, CancellationToken cancellationToken)
    {
        var scope = await SpotAsync(session, "sector_figures", "scope", id, r => r.GetString(0), cancellationToken);
        return scope is not [var owner]
            ? null
            : (await session.SectorFiguresAsync(new FigureQuery { Projects = [owner] }, cancellationToken)).SingleOrDefault(f => f.Id == id);
    }

    /// <summary>404 naming the figure; says whether the id exists in another version, which helps with old permalinks.</summary>
    public static IResult NotFound(string kind, string id, ReadSession session) =>
        RestProblems.NotFound("figure-not-found", $"No such {kind}.",
            $"No {kind} has the id '{id}' in data version {session.Version.Id}. Ids never change once published; "
            + "check the spelling, or add asOf to look at an earlier version.",
            new Dictionary<string, object?> { ["parameter"] = "id", ["value"] = id });

    private static Task<List<string>> ProjectOfAsync(ReadSession session, string table, string id, CancellationToken cancellationToken) =>
        SpotAsync(session, table, "project", id, r => r.GetString(0), cancellationToken);

    // Table and column names are constants of this class, never request input.
    private static Task<List<T>> SpotAsync<T>(ReadSession session, string table, string columns, string id,
        Func<Npgsql.NpgsqlDataReader, T> map, CancellationToken cancellationToken) =>
        session.QueryAsync($"SELECT {columns} FROM {table} x WHERE x.id = @id AND {session.Visible("x")}",
            p => p.AddWithValue("id", id), map, cancellationToken);
}
