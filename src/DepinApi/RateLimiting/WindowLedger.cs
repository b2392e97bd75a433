using System.Collections.Concurrent;

namespace DepinApi.RateLimiting;

/// <summary>
/// Points spent per partition in fixed windows. A partition's window opens with its first charge and lasts
/// <c>window</c>; when it has ended, the next charge opens a new one with the whole budget. Thread-safe: each
/// partition's window is changed under its own lock, so parallel charges never admit more than the limit.
/// </summary>
/// <remarks>
/// The framework's window limiters cannot charge a variable number of points once a request is already admitted
/// (a GraphQL document's cost is known only after parsing), cannot report when a window resets and run on their own
/// timers instead of an injectable clock; this ledger does all three.
/// </remarks>
internal sealed class WindowLedger(TimeProvider time, TimeSpan window)
{
    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);
    private long _nextSweepTicks;
    private int _sweeping;

    public TimeSpan WindowLength => window;

    /// <summary>Partitions with a window in memory (ended windows are dropped about once per window length).</summary>
    public int PartitionCount => _windows.Count;

    /// <summary>Spends <paramref name="points"/> if the partition's window still has them; otherwise spends nothing.</summary>
    public WindowState TryCharge(string partition, long limit, long points)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(points);
        var now = time.GetUtcNow();
        SweepIfDue(now);
        while (true)
        {
            var current = _windows.GetOrAdd(partition, static (_, start) => new Window(start), now);
            lock (current)
            {
                // The sweeper dropped this window between the lookup and the lock; charge the one that replaces it.
                if (current.Retired)
                    continue;
                if (now >= current.Start + window)
                    current.Restart(now);
                var admitted = current.Used + points <= limit;
                if (admitted)
                    current.Used += points;
                return new WindowState(admitted, limit, Math.Max(0, limit - current.Used), current.Start + window, now);
            }
        }
    }

    /// <summary>The partition's window as it stands, without spending or opening one.</summary>
    public WindowState Peek(string partition, long limit)
    {
        var now = time.GetUtcNow();
        if (_windows.TryGetValue(partition, out var current))
            lock (current)
                if (!current.Retired && now < current.Start + window)
                    return new WindowState(true, limit, Math.Max(0, limit - current.Used), current.Start + window, now);
        return new WindowState(true, limit, limit, now + window, now);
    }

    /// <summary>
    /// Drops ended windows so memory follows the number of recent clients, not of all clients ever seen. Runs on the
    /// charging thread (no timer, so tests control it with the clock) and on one thread at a time.
    /// </summary>
    private void SweepIfDue(DateTimeOffset now)
    {
        if (now.UtcTicks < Volatile.Read(ref _nextSweepTicks) || Interlocked.Exchange(ref _sweeping, 1) == 1)
            return;
        try
        {
            Volatile.Write(ref _nextSweepTicks, (now + window).UtcTicks);
            foreach (var (partition, candidate) in _windows)
            {
                lock (candidate)
                {
                    if (now < candidate.Start + window)
                        continue;
                    candidate.Retired = true;
                    _windows.TryRemove(new KeyValuePair<string, Window>(partition, candidate));
                }
            }
        }
        finally
        {
            Volatile.Write(ref _sweeping, 0);
        }
    }

    private sealed class Window(DateTimeOffset start)
    {
        public DateTimeOffset Start { get; private set; } = start;
        public long Used { get; set; }
        public bool Retired { get; set; }

        public void Restart(DateTimeOffset now)
        {
            Start = now;
            Used = 0;
        }
    }
}

/// <summary>A partition's window after a charge or a look.</summary>
internal readonly record struct WindowState(bool Admitted, long Limit, long Remaining, DateTimeOffset ResetAt, DateTimeOffset Now)
{
    public TimeSpan UntilReset => ResetAt > Now ? ResetAt - Now : TimeSpan.Zero;
}
