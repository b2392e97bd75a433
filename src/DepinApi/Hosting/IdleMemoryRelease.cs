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

    /// <summary>How far the memory the heap holds may grow past what the last release kept before a release is worth it.</summary>
    public long ReleaseAboveBytes { get; set; } = 32 * 1024 * 1024;

    /// <summary>
    /// Whether the C heap gives back large freed blocks at once (<see cref="NativeHeap"/>): bounded memory under gzip
    /// load, at the price of mapping each gzip response's compressor state afresh. False leaves glibc's own behaviour.
    /// </summary>
    public bool ReturnLargeNativeBlocks { get; set; } = true;
}

/// <summary>
/// Gives memory back once a burst is over. The runtime collects only when the program allocates, so after a flood
/// of large responses an idle server keeps the heap the flood grew, however little of it is live, until traffic
/// returns. No collection for a whole interval means the server is quiet, which is when one full compacting
/// collection (<see cref="GCCollectionMode.Aggressive"/>, which also decommits) is cheap; it runs at most once per
/// quiet spell, and only when the heap has grown by <see cref="MemoryOptions.ReleaseAboveBytes"/> since the last one.
/// </summary>
public sealed class IdleMemoryRelease(IOptions<MemoryOptions> options, ILogger<IdleMemoryRelease> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (settings.ReleaseAfterIdleSeconds <= 0)
            return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(settings.ReleaseAfterIdleSeconds));
        var schedule = new IdleReleaseSchedule(settings.ReleaseAboveBytes, GC.CollectionCount(0));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var committed = GC.GetGCMemoryInfo().TotalCommittedBytes;
                if (!schedule.IsDue(GC.CollectionCount(0), committed))
                    continue;
                GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
                GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                var kept = GC.GetGCMemoryInfo().TotalCommittedBytes;
                schedule.Released(GC.CollectionCount(0), kept);
                logger.LogDebug("Released memory after a quiet spell: {Before} bytes committed, {After} now", committed, kept);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
