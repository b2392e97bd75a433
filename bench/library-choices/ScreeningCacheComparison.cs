using System.Collections.Concurrent;
using System.ComponentModel;
using BenchmarkDotNet.Attributes;
using DepinApi.ReadModel;
using DepinApi.Screening;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryChoices;

/// <summary>
/// A cached screening served again: <see cref="ScreeningService"/>'s dictionary of <c>Lazy&lt;Task&gt;</c> per data
/// version against <see cref="HybridCache"/> (in-process only), with the list as it is (HybridCache copies it
/// through JSON on every hit, since it cannot know the records are immutable) and wrapped in a type marked
/// <see cref="ImmutableObjectAttribute"/> (its instance served as is).
/// </summary>
[MemoryDiagnoser]
public class ScreeningCacheComparison
{
    private const int Version = 7;
    private static readonly IReadOnlyList<ProjectScreening> Screening = ScreeningSample.Create(projects: 8);

    private readonly ConcurrentDictionary<int, Lazy<Task<IReadOnlyList<ProjectScreening>>>> byVersion = new();
    private HybridCache hybrid = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        var services = new ServiceCollection();
        services.AddHybridCache();
        hybrid = services.BuildServiceProvider().GetRequiredService<HybridCache>();
        await Lazy();
        await Hybrid();
        await HybridImmutable();
    }

    [Benchmark(Baseline = true)]
    public async Task<IReadOnlyList<ProjectScreening>> Lazy()
    {
        var entry = byVersion.GetOrAdd(Version, _ => new Lazy<Task<IReadOnlyList<ProjectScreening>>>(
            () => Task.FromResult(Screening)));
        var ranked = await entry.Value.WaitAsync(CancellationToken.None);
        _ = byVersion.Count <= ScreeningService.CachedVersions;
        return ranked;
    }

    [Benchmark]
    public async Task<IReadOnlyList<ProjectScreening>> Hybrid() =>
        await hybrid.GetOrCreateAsync($"screening:{Version}", _ => ValueTask.FromResult(Screening));

    [Benchmark]
    public async Task<IReadOnlyList<ProjectScreening>> HybridImmutable() =>
        (await hybrid.GetOrCreateAsync($"screening-immutable:{Version}", _ => ValueTask.FromResult(new Ranked(Screening)))).Projects;

    [ImmutableObject(true)]
    public sealed record Ranked(IReadOnlyList<ProjectScreening> Projects);
}

/// <summary>A screening of the seed data's shape: every project with five components of two inputs each.</summary>
public static class ScreeningSample
{
    public static IReadOnlyList<ProjectScreening> Create(int projects) =>
        [.. Enumerable.Range(0, projects).Select(p => new ProjectScreening(
            $"project-{p}", $"Project {p}", "compute", "1", 61.25m, 1m, "(40 × 62.5 + 30 × 70 + …) / 100", [],
            [.. Enumerable.Range(0, 5).Select(c => new ComponentScore(
                $"component-{c}", $"Component {c}", 20, 55.5m, $"formula-{c}", Coverage.Full, false, "62.5 = 100 × 0.625",
                [.. Enumerable.Range(0, 2).Select(i => new ScreeningInput(
                    "current", "revenue_figures", $"project-{p}-2026q2-figure-{i}", 32_700_000m, null, "2026-06-30", "disclosed", null,
                    new Source($"source-{i}", "Messari", "State of the network Q2 2026", new DateOnly(2026, 7, 15), "2026-07-15", "report", "https://example.org/report"),
                    "Quarterly revenue rose to $32.7 million."))],
                []))],
            p + 1, p + 1, null))];
}
