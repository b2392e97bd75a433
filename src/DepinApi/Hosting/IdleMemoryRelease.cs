using System.Runtime;
using Microsoft.Extensions.Options;

namespace DepinApi.Hosting;

/// <summary>Settings of <see cref="IdleMemoryRelease"/>, bound from the "Memory" section.</summary>
public sealed class MemoryOptions
{
    public const string Section = "Memory";

    /// <summary>
    /// After a burst of work, once this many seconds pass without the garbage collector having run, memory the
    /// burst left committed is returned to the operating system. 0 leaves it to the runtime.
    /// </summary>
    public int ReleaseAfterIdleSeconds { get; set; } = 10;

    /// <summary>How much committed memory above the live heap (as the last collection found it) is worth a release.</summary>
    public long ReleaseAboveBytes { get; set; } = 32 * 1024 * 1024;
}

/// <summary>
/// Gives memory back once a burst is over. The runtime collects only when the program allocates, so after a flood
/// of large responses an idle server keeps the heap the flood grew, however little of it is live, until traffic
/// returns. No collection for a whole interval means the server is quiet, which is when one full compacting
/// collection (<see cref="GCCollectionMode.Aggressive"/>, which also decommits) is cheap; it runs at most once per
/// quiet spell, and only when the heap holds much more than it uses.
/// </summary>
public sealed class IdleMemoryRelease(IOptions<MemoryOptions> options, ILogger<IdleMemoryRelease> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (settings.ReleaseAfterIdleSeconds <= 0)
            return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(settings.ReleaseAfterIdleSeconds));
        var collections = GC.CollectionCount(0);
        var released = true;
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var now = GC.CollectionCount(0);
                var quiet = now == collections;
                collections = now;
                if (!quiet)
                {
                    released = false;
                    continue;
                }
                if (released)
                    continue;
                released = true;
                var info = GC.GetGCMemoryInfo();
                if (info.TotalCommittedBytes - (info.HeapSizeBytes - info.FragmentedBytes) < settings.ReleaseAboveBytes)
                    continue;
                GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
                GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                collections = GC.CollectionCount(0);
                logger.LogDebug("Released memory after a quiet spell: {Before} bytes committed, {After} now",
                    info.TotalCommittedBytes, GC.GetGCMemoryInfo().TotalCommittedBytes);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
