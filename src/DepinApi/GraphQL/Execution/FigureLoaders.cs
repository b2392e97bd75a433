using DepinApi.GraphQL.Types;
using DepinApi.ReadModel;
using DepinApi.Screening;
using DepinApi.Series;
using GraphQLEngine.Execution;

namespace DepinApi.GraphQL.Execution;

/// <summary>
/// The figures of many projects, each kind fetched with one SQL command for all the projects a level of the
/// query reaches (a data loader per kind and argument set), so a request sends a number of commands bounded
/// by its depth, not by its rows.
/// </summary>
internal static class FigureLoaders
{
    public static async Task<IReadOnlyList<RevenueFigureInUnits>> RevenueAsync(
        ResolveContext context, string project, Quarter? from, Quarter? to, string? metric, SeriesUnits units) =>
        await context.GetDataLoader<string, IReadOnlyList<RevenueFigureInUnits>>(
                $"revenue|{from}|{to}|{metric}|{units}",
                async (projects, cancellationToken) =>
                {
                    var session = await context.SessionAsync();
                    var series = await RevenueSeries.ReadAsync(session, projects.ToArray(), metric is null ? null : [metric],
                        from, to, units, cancellationToken);
                    return series.Select(p => new RevenueFigureInUnits(p.Figure, units, p.Value))
                        .GroupBy(v => v.Figure.Project).ToDictionary(g => g.Key, g => (IReadOnlyList<RevenueFigureInUnits>)g.ToList());
                })
            .LoadAsync(project) ?? [];

    public static async Task<IReadOnlyList<TokenPrice>> TokenPricesAsync(ResolveContext context, string project, DateOnly? from, DateOnly? to) =>
        await context.GetDataLoader<string, IReadOnlyList<TokenPrice>>(
                $"tokenPrices|{from}|{to}",
                async (projects, cancellationToken) =>
                {
                    var session = await context.SessionAsync();
                    var prices = new List<TokenPrice>();
                    await foreach (var price in session.TokenPricesAsync(new PriceQuery { Projects = projects.ToArray(), From = from, To = to }, cancellationToken))
                        prices.Add(price);
                    return ByProject(prices, p => p.Project);
                })
            .LoadAsync(project) ?? [];

    public static Task<TokenPrice?> LatestPriceAsync(ResolveContext context, string project) =>
        context.GetDataLoader<string, TokenPrice>(
                "latestPrice",
                async (projects, cancellationToken) =>
                {
                    var session = await context.SessionAsync();
                    var prices = await session.LatestTokenPricesAsync(projects.ToArray(), null, cancellationToken);
                    return prices.ToDictionary(p => p.Project);
                })
            .LoadAsync(project);

    public static async Task<IReadOnlyList<SettlementMix>> SettlementMixAsync(ResolveContext context, string project) =>
        await context.GetDataLoader<string, IReadOnlyList<SettlementMix>>(
                "settlementMix",
                async (projects, cancellationToken) =>
                {
                    var session = await context.SessionAsync();
                    return ByProject(await session.SettlementMixAsync(new FigureQuery { Projects = projects.ToArray() }, cancellationToken), m => m.Project);
                })
            .LoadAsync(project) ?? [];

    public static async Task<IReadOnlyList<NetworkMetric>> MetricsAsync(ResolveContext context, string project, string? metric) =>
        await context.GetDataLoader<string, IReadOnlyList<NetworkMetric>>(
                $"metrics|{metric}",
                async (projects, cancellationToken) =>
                {
                    var session = await context.SessionAsync();
                    return ByProject(await session.NetworkMetricsAsync(new FigureQuery { Projects = projects.ToArray(), Metric = metric }, cancellationToken),
                        m => m.Project);
                })
            .LoadAsync(project) ?? [];

    public static async Task<IReadOnlyList<Source>> SourcesAsync(ResolveContext context, string project) =>
        await context.GetDataLoader<string, IReadOnlyList<Source>>(
                "sources",
                async (projects, cancellationToken) =>
                {
                    var session = await context.SessionAsync();
                    return ByProject(await session.ProjectSourcesAsync(projects, cancellationToken), s => s.Project)
                        .ToDictionary(e => e.Key, e => (IReadOnlyList<Source>)e.Value.Select(s => s.Source).ToList());
                })
            .LoadAsync(project) ?? [];

    public static Task<ProjectScreening?> ScreeningAsync(ResolveContext context, string project) =>
        context.GetDataLoader<string, ProjectScreening>(
                "screening",
                async (projects, cancellationToken) =>
                {
                    var session = await context.SessionAsync();
                    return await context.RequestServices!.GetRequiredService<ScreeningService>().ProjectsAsync(session, projects.ToArray(), cancellationToken);
                })
            .LoadAsync(project);

    private static Dictionary<string, IReadOnlyList<T>> ByProject<T>(IEnumerable<T> rows, Func<T, string> project) =>
        rows.GroupBy(project).ToDictionary(g => g.Key, g => (IReadOnlyList<T>)g.ToList());
}
