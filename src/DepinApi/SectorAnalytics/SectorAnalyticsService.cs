using DepinApi.ReadModel;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace DepinApi.SectorAnalytics;

/// <summary>
/// Sector analytics computed on read from one data version (four SQL commands per computation).
/// A data version never changes once imported, so each report is computed once per (version,
/// sector, quarter, metric) and kept, up to <see cref="SectorAnalyticsOptions.CachedReports"/>
/// reports: thirty aliases of one field in a request, or the same question in JSON and CSV, cost
/// one computation.
/// </summary>
public sealed class SectorAnalyticsService : IDisposable
{
    private readonly record struct ReportKey(int Version, string? Sector, Quarter? Quarter, string? Metric);

    private readonly ReadSessionFactory sessions;
    private readonly int capacity;
    private readonly MemoryCache reports;
    private readonly Lock adding = new();

    public SectorAnalyticsService(ReadSessionFactory sessions, IOptions<SectorAnalyticsOptions>? options = null)
    {
        this.sessions = sessions;
        capacity = (options?.Value ?? new SectorAnalyticsOptions()).CachedReports;
        reports = new MemoryCache(new MemoryCacheOptions { SizeLimit = Math.Max(1, capacity) });
    }

    /// <summary>Computations started so far (cache misses), for tests and diagnostics.</summary>
    public int Computations => Volatile.Read(ref computations);

    /// <summary>Reports kept in memory now.</summary>
    public int KeptReports => reports.Count;

    private int computations;

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
        if (capacity == 0)
            return await ComputeAsync(session, sector, quarter, metric, cancellationToken);
        var key = new ReportKey(session.Version.Id, sector, quarter, metric);
        for (var attempt = 0; ; attempt++)
        {
            var (entry, joined) = Entry(key, () => ComputeAsync(session, sector, quarter, metric, cancellationToken));
            try
            {
                return await entry.Value.WaitAsync(cancellationToken);
            }
            catch when (joined && attempt == 0 && !cancellationToken.IsCancellationRequested)
            {
                // The computation this caller joined was another request's and failed (its
                // cancellation or a fault): forget it so it is never served, and compute once with
                // this caller's session. A computation of the caller's own is never run twice.
                Forget(key, entry);
            }
            catch
            {
                Forget(key, entry);
                throw;
            }
        }
    }

    // Under a lock so that concurrent callers of one key (aliases resolved in parallel) join one
    // computation; the lock covers the lookup only, never the computation.
    private (Lazy<Task<SectorAnalyticsReport>> Entry, bool Joined) Entry(ReportKey key, Func<Task<SectorAnalyticsReport>> compute)
    {
        lock (adding)
        {
            if (reports.TryGetValue(key, out Lazy<Task<SectorAnalyticsReport>>? existing) && existing is not null)
                return (existing, true);
            var entry = new Lazy<Task<SectorAnalyticsReport>>(compute);
            reports.Set(key, entry, new MemoryCacheEntryOptions { Size = 1 });
            return (entry, false);
        }
    }

    private void Forget(ReportKey key, Lazy<Task<SectorAnalyticsReport>> entry)
    {
        lock (adding)
        {
            if (reports.TryGetValue(key, out Lazy<Task<SectorAnalyticsReport>>? current) && ReferenceEquals(current, entry))
                reports.Remove(key);
        }
    }

    private async Task<SectorAnalyticsReport> ComputeAsync(ReadSession session, string? sector, Quarter? quarter,
        string? metric, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref computations);
        var data = await LoadAsync(session, sector, cancellationToken);
        return SectorAnalyticsCalculator.Compute(data, session.Version, quarter, metric);
    }

    private static async Task<SectorAnalyticsData> LoadAsync(ReadSession session, string? sector, CancellationToken cancellationToken)
    {
        var projects = await session.ProjectsAsync(new ProjectQuery { Sector = sector }, cancellationToken);
        var slugs = projects.Select(p => p.Slug).ToList();
        var revenue = await session.RevenueAsync(new RevenueQuery { Projects = slugs }, cancellationToken);
        // Implied prices use each project's newest row with a price and a 1-year change: only
        // that day's rows are read, however long the series.
        var prices = await session.NewestYearChangesAsync(slugs, withPrice: true, cancellationToken);
        var scope = SectorAnalyticsCalculator.ScopeOf(sector);
        IReadOnlyList<SectorFigure> figures = scope is null
            ? []
            : await session.SectorFiguresAsync(new FigureQuery { Projects = [scope] }, cancellationToken);
        return new SectorAnalyticsData(sector, scope, projects, revenue, prices, figures);
    }

    public void Dispose() => reports.Dispose();
}
