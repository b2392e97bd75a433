using DepinApi.Database;
using DepinApi.ReadModel;

namespace DepinApi.Rest.Models;

/// <summary>
/// Every project's name as of a data version, which citations need (<see cref="FigureViews"/>): read once per version
/// and kept, since what a version holds never changes once it is imported (a later import is a new version). Without
/// it every citing response read every project first, a round trip and, on a large catalogue, a row per project.
/// </summary>
/// <remarks>
/// Keyed by the version's id and import time, so a database emptied and imported again (ids reused) is read afresh.
/// The few most recently read versions are kept: the newest one, and the past ones <c>asOf</c> asks for.
/// </remarks>
public sealed class ProjectNames
{
    /// <summary>How many versions' names are kept.</summary>
    public const int VersionsKept = 8;

    private readonly Lock _lock = new();
    private readonly Dictionary<DataVersionInfo, IReadOnlyDictionary<string, string>> _byVersion = [];
    // In the order they were read, oldest first: the first to go when more than VersionsKept are held.
    private readonly Queue<DataVersionInfo> _readOrder = new();

    /// <summary>Slug to name of every project in <paramref name="session"/>'s version; read through it the first time.</summary>
    public async Task<IReadOnlyDictionary<string, string>> OfAsync(ReadSession session, CancellationToken cancellationToken)
    {
        var version = session.Version;
        lock (_lock)
        {
            if (_byVersion.TryGetValue(version, out var kept)) return kept;
        }

        var names = Of(await session.ProjectsAsync(new ProjectQuery(), cancellationToken));
        lock (_lock)
        {
            // Two requests may read the same version at once: the first to finish keeps its copy.
            if (_byVersion.TryAdd(version, names))
            {
                _readOrder.Enqueue(version);
                if (_readOrder.Count > VersionsKept) _byVersion.Remove(_readOrder.Dequeue());
            }
            return _byVersion.GetValueOrDefault(version, names);
        }
    }

    /// <summary>Slug to name of <paramref name="projects"/>.</summary>
    public static IReadOnlyDictionary<string, string> Of(IEnumerable<Project> projects) =>
        projects.ToDictionary(p => p.Slug, p => p.Name, StringComparer.Ordinal);
}
