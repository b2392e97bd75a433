using DepinApi.ReadModel;

namespace DepinApi.Screening;

/// <summary>
/// Loads what the calculators need for every project of a session's data version: six queries,
/// whatever the number of projects, grouped by project in memory.
/// </summary>
public static class ScreeningDataLoader
{
    public static async Task<IReadOnlyList<ProjectScreeningData>> LoadAsync(ReadSession session, CancellationToken cancellationToken)
    {
        var projects = await session.ProjectsAsync(new ProjectQuery(), cancellationToken);
        var settlement = (await session.SettlementMixAsync(new FigureQuery(), cancellationToken)).ToLookup(r => r.Project);
        var evidence = (await EvidenceQuery.AllAsync(session, cancellationToken)).ToLookup(r => r.Project);
        var revenue = (await session.RevenueAsync(new RevenueQuery(), cancellationToken)).ToLookup(r => r.Project);
        var pricesList = new List<TokenPrice>();
        await foreach (var price in session.TokenPricesAsync(new PriceQuery(), cancellationToken))
            pricesList.Add(price);
        var prices = pricesList.ToLookup(p => p.Project);
        var metrics = (await session.NetworkMetricsAsync(new FigureQuery(), cancellationToken)).ToLookup(m => m.Project);

        return projects
            .Select(p => new ProjectScreeningData(p, settlement[p.Slug].ToList(), evidence[p.Slug].ToList(),
                revenue[p.Slug].ToList(), prices[p.Slug].ToList(), metrics[p.Slug].ToList()))
            .ToList();
    }
}
