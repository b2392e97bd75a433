using System.Collections.Concurrent;
using DepinApi.ReadModel;

namespace DepinApi.Screening;

/// <summary>
/// Screening scores for a data version, computed on read from that version's rows. A data
/// version never changes once imported, so the ranked screening of each version is computed
/// once and kept (the most recent <see cref="CachedVersions"/> versions); a past version named by
/// <c>asOf</c> is computed from its own rows the same way.
/// </summary>
/// <remarks>
/// A dictionary of <c>Lazy&lt;Task&gt;</c> rather than <c>HybridCache</c>: the entries are keyed by an immutable data
/// version, so the right bound is "the newest <see cref="CachedVersions"/> versions", not a time to live, and the cached
/// list is served as it is. HybridCache copies a value it cannot prove immutable through JSON on every hit (measured in
/// <c>bench/library-choices</c>, docs/dependencies.md: thousands of times slower, about 110 KB per hit for eight
/// projects); wrapped in an <c>[ImmutableObject(true)]</c> type it costs the same as this, so it would bring a package
/// and an expiry policy, and nothing faster.
/// </remarks>
public sealed class ScreeningService(ReadSessionFactory sessions)
{
    /// <summary>How many data versions' screenings are kept in memory.</summary>
    public const int CachedVersions = 8;

    private readonly ConcurrentDictionary<int, Lazy<Task<IReadOnlyList<ProjectScreening>>>> byVersion = new();

    /// <summary>The ranked screening of every project, or of one sector (ranks stay the overall ones).</summary>
    /// <exception cref="NoDataException">Nothing has been imported yet.</exception>
    /// <exception cref="DataVersionNotFoundException"><paramref name="asOf"/> names no data version.</exception>
    public async Task<ScreeningReport> ScreenAsync(AsOf? asOf, string? sector, CancellationToken cancellationToken)
    {
        await using var session = await sessions.OpenAsync(asOf, cancellationToken);
        return await ScreenAsync(session, sector, cancellationToken);
    }

    /// <summary>As <see cref="ScreenAsync(AsOf?, string?, CancellationToken)"/>, inside a caller's session.</summary>
    public async Task<ScreeningReport> ScreenAsync(ReadSession session, string? sector, CancellationToken cancellationToken)
    {
        var all = await RankedAsync(session, cancellationToken);
        var selected = sector is null
            ? all
            : all.Where(s => s.Sector == sector)
                .OrderBy(s => s.SectorRank is null ? 1 : 0).ThenBy(s => s.SectorRank).ThenBy(s => s.Project, StringComparer.Ordinal)
                .ToList();
        return new ScreeningReport(Methodology.Version, session.Version.Id, session.Version.ImportedAt,
            Methodology.Components, Ranking.Rule, selected);
    }

    /// <summary>One project's screening (with its ranks), or null when the version has no such project.</summary>
    public async Task<ProjectScreening?> ProjectAsync(string slug, AsOf? asOf, CancellationToken cancellationToken)
    {
        await using var session = await sessions.OpenAsync(asOf, cancellationToken);
        return await ProjectAsync(session, slug, cancellationToken);
    }

    /// <summary>As <see cref="ProjectAsync(string, AsOf?, CancellationToken)"/>, inside a caller's session.</summary>
    public async Task<ProjectScreening?> ProjectAsync(ReadSession session, string slug, CancellationToken cancellationToken) =>
        (await RankedAsync(session, cancellationToken)).FirstOrDefault(s => s.Project == slug);

    /// <summary>Several projects' screenings at once (for batched loaders); unknown slugs are absent from the result.</summary>
    public async Task<IReadOnlyDictionary<string, ProjectScreening>> ProjectsAsync(
        ReadSession session, IReadOnlyCollection<string> slugs, CancellationToken cancellationToken)
    {
        var all = await RankedAsync(session, cancellationToken);
        var wanted = slugs.ToHashSet(StringComparer.Ordinal);
        return all.Where(s => wanted.Contains(s.Project)).ToDictionary(s => s.Project, StringComparer.Ordinal);
    }

    /// <summary>Every project of the session's version, screened and ranked.</summary>
    public async Task<IReadOnlyList<ProjectScreening>> RankedAsync(ReadSession session, CancellationToken cancellationToken)
    {
        var version = session.Version.Id;
        for (var attempt = 0; ; attempt++)
        {
            var entry = byVersion.GetOrAdd(version, _ => new Lazy<Task<IReadOnlyList<ProjectScreening>>>(
                () => ComputeAsync(session, cancellationToken)));
            try
            {
                var ranked = await entry.Value.WaitAsync(cancellationToken);
                Trim(version);
                return ranked;
            }
            catch when (!cancellationToken.IsCancellationRequested && attempt == 0)
            {
                // The computation this caller joined failed (another request's cancellation or a
                // fault): forget it so it is never served, and compute once more with this session.
                byVersion.TryRemove(KeyValuePair.Create(version, entry));
            }
            catch
            {
                byVersion.TryRemove(KeyValuePair.Create(version, entry));
                throw;
            }
        }
    }

    private static async Task<IReadOnlyList<ProjectScreening>> ComputeAsync(ReadSession session, CancellationToken cancellationToken) =>
        ScreeningCalculator.ScreenAll(await ScreeningDataLoader.LoadAsync(session, cancellationToken));

    private void Trim(int justUsed)
    {
        if (byVersion.Count <= CachedVersions)
            return;
        foreach (var old in byVersion.Keys.Where(k => k != justUsed).OrderBy(k => k).Take(byVersion.Count - CachedVersions))
            byVersion.TryRemove(old, out _);
    }
}
