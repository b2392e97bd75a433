using System.Collections.Concurrent;

namespace DepinApi.RateLimiting;

/// <summary>
/// The refilling point budgets of this process, one bucket per partition (<see cref="BucketRate"/>): a charge is
/// made while the balance, without what the request in hand already paid, is above zero, and may take it below
/// zero. Thread-safe: each bucket is changed under its own lock, so parallel charges never spend more than that rule
/// allows.
/// </summary>
/// <remarks>
/// The framework's token-bucket limiter cannot charge a variable number of points once a request is already admitted
/// (a GraphQL document's cost is known only after parsing), cannot go into debt, and refills on its own timer
/// instead of an injectable clock; this ledger does all three.
/// </remarks>
internal sealed class TokenBucketLedger(TimeProvider time, TimeSpan window)
{
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private long _nextSweepMilliseconds;
    private int _sweeping;

    public TimeSpan WindowLength => window;

    /// <summary>Partitions whose bucket is not full (full ones are dropped about once per window length).</summary>
    public int PartitionCount => _buckets.Count;

    /// <summary>
    /// Spends <paramref name="points"/> if the balance plus <paramref name="alreadyPaid"/> (what the request paid
    /// before, so its own earlier charges do not refuse it) is above zero; otherwise spends nothing.
    /// </summary>
    public BucketState TryCharge(string partition, BucketRate rate, long points, long alreadyPaid = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(points);
        var at = time.GetUtcNow();
        var now = at.ToUnixTimeMilliseconds();
        SweepIfDue(now);
        while (true)
        {
            var bucket = _buckets.GetOrAdd(partition, static (_, state) => new Bucket(state.Capacity, state.now), (rate.Capacity, now));
            lock (bucket)
            {
                // The sweeper dropped this bucket between the lookup and the lock; charge the one that replaces it.
                if (bucket.Retired)
                    continue;
                bucket.Balance = rate.Refill(bucket.Balance, now - bucket.Stamp);
                bucket.Stamp = Math.Max(bucket.Stamp, now);
                var admitted = bucket.Balance + rate.UnitsOf(alreadyPaid) > 0;
                if (admitted)
                    bucket.Balance -= rate.UnitsOf(points);
                bucket.FullAt = bucket.Stamp + rate.UntilFullMilliseconds(bucket.Balance);
                return new BucketState(admitted, rate, bucket.Balance, at);
            }
        }
    }

    /// <summary>The partition's bucket as it stands, without spending.</summary>
    public BucketState Peek(string partition, BucketRate rate)
    {
        var at = time.GetUtcNow();
        if (_buckets.TryGetValue(partition, out var bucket))
            lock (bucket)
                if (!bucket.Retired)
                    return new BucketState(true, rate, rate.Refill(bucket.Balance, at.ToUnixTimeMilliseconds() - bucket.Stamp), at);
        return BucketState.Full(rate, at);
    }

    /// <summary>
    /// Drops full buckets (a missing bucket is a full one) so memory follows the number of clients still paying off
    /// their spending, not of all clients ever seen. Runs on the charging thread (no timer, so tests control it with
    /// the clock) and on one thread at a time.
    /// </summary>
    private void SweepIfDue(long now)
    {
        if (now < Volatile.Read(ref _nextSweepMilliseconds) || Interlocked.Exchange(ref _sweeping, 1) == 1)
            return;
        try
        {
            Volatile.Write(ref _nextSweepMilliseconds, now + (long)window.TotalMilliseconds);
            foreach (var (partition, candidate) in _buckets)
            {
                lock (candidate)
                {
                    if (now < candidate.FullAt)
                        continue;
                    candidate.Retired = true;
                    _buckets.TryRemove(new KeyValuePair<string, Bucket>(partition, candidate));
                }
            }
        }
        finally
        {
            Volatile.Write(ref _sweeping, 0);
        }
    }

    private sealed class Bucket(long balance, long stamp)
    {
        public long Balance { get; set; } = balance;

        /// <summary>Unix milliseconds the balance refers to.</summary>
        public long Stamp { get; set; } = stamp;

        public long FullAt { get; set; } = stamp;

        public bool Retired { get; set; }
    }
}
