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
        var evidence = (await session.EvidenceAsync(cancellationToken)).ToLookup(r => r.Project);
        var revenue = (await session.RevenueAsync(new RevenueQuery(), cancellationToken)).ToLookup(r => r.Project);
        // The one price rule (revenue-price divergence) takes the newest 1-year change: only that
        // day's rows are read, however long the series.
        var slugs = projects.Select(p => p.Slug).ToList();
        var prices = (await session.NewestYearChangesAsync(slugs, withPrice: false, cancellationToken)).ToLookup(p => p.Project);
        var metrics = (await session.NetworkMetricsAsync(new FigureQuery(), cancellationToken)).ToLookup(m => m.Project);

        return projects
            .Select(p => new ProjectScreeningData(p, settlement[p.Slug].ToList(), evidence[p.Slug].ToList(),
                revenue[p.Slug].ToList(), prices[p.Slug].ToList(), metrics[p.Slug].ToList()))
            .ToList();
    }
}
