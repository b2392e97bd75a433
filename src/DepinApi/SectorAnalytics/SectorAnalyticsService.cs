using DepinApi.ReadModel;

namespace DepinApi.SectorAnalytics;

/// <summary>Sector analytics computed on read from one data version (four SQL commands per call).</summary>
public sealed class SectorAnalyticsService(ReadSessionFactory sessions)
{
    /// <exception cref="NoDataException">Nothing has been imported yet.</exception>
    /// <exception cref="DataVersionNotFoundException"><paramref name="asOf"/> names no data version.</exception>
    public async Task<SectorAnalyticsReport> AnalyseAsync(AsOf? asOf, string? sector, Quarter? quarter, string? metric,
        CancellationToken cancellationToken)
    {
        await using var session = await sessions.OpenAsync(asOf, cancellationToken);
        return await AnalyseAsync(session, sector, quarter, metric, cancellationToken);
    }

    /// <summary>As above, inside a caller's session.</summary>
    public async Task<SectorAnalyticsReport> AnalyseAsync(ReadSession session, string? sector, Quarter? quarter, string? metric,
        CancellationToken cancellationToken)
    {
        var data = await LoadAsync(session, sector, cancellationToken);
        return SectorAnalyticsCalculator.Compute(data, session.Version, quarter, metric);
    }

    private static async Task<SectorAnalyticsData> LoadAsync(ReadSession session, string? sector, CancellationToken cancellationToken)
    {
        var projects = await session.ProjectsAsync(new ProjectQuery { Sector = sector }, cancellationToken);
        var slugs = projects.Select(p => p.Slug).ToList();
        var revenue = await session.RevenueAsync(new RevenueQuery { Projects = slugs }, cancellationToken);
        var prices = new List<TokenPrice>();
        await foreach (var price in session.TokenPricesAsync(new PriceQuery { Projects = slugs }, cancellationToken))
            prices.Add(price);
        var scope = SectorAnalyticsCalculator.ScopeOf(sector);
        IReadOnlyList<SectorFigure> figures = scope is null
            ? []
            : await session.SectorFiguresAsync(new FigureQuery { Projects = [scope] }, cancellationToken);
        return new SectorAnalyticsData(sector, scope, projects, revenue, prices, figures);
    }
}
