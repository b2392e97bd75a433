namespace DepinApi.RateLimiting;

/// <summary>
/// The arithmetic of one client's refilling budget, in whole numbers so that this process and the Redis script
/// (<see cref="RedisBudgetScripts"/>, whose Lua numbers are doubles, exact below 2^53) reach the same balance from
/// the same charges at the same times.
/// </summary>
/// <remarks>
/// A balance is kept in units of 1/<see cref="WindowMilliseconds"/> point, so that refilling
/// <see cref="PointsPerWindow"/> points per window adds exactly <see cref="PointsPerWindow"/> units per millisecond.
/// </remarks>
/// <param name="BurstPoints">The most a client can have available at once: the bucket's size.</param>
/// <param name="PointsPerWindow">The sustained rate: this many points per <see cref="WindowMilliseconds"/>, refilled continuously.</param>
/// <param name="WindowMilliseconds">The window of the sustained rate.</param>
internal readonly record struct BucketRate(long BurstPoints, long PointsPerWindow, long WindowMilliseconds)
{
    public static BucketRate Of(ClientIdentity client, TimeSpan window) =>
        new(client.BurstPoints, client.PointsPerWindow, (long)window.TotalMilliseconds);

    /// <summary>A full bucket, in units.</summary>
    public long Capacity => BurstPoints * WindowMilliseconds;

    public double PointsPerSecond => PointsPerWindow * 1000.0 / WindowMilliseconds;

    public long UnitsOf(long points) => points * WindowMilliseconds;

    /// <summary>The balance <paramref name="elapsedMilliseconds"/> after it was <paramref name="balance"/>, never above a full bucket.</summary>
    public long Refill(long balance, long elapsedMilliseconds)
    {
        if (elapsedMilliseconds <= 0 || balance >= Capacity)
            return Math.Min(balance, Capacity);
        // Bounded first, so the product cannot overflow however long the client was away.
        var untilFull = UntilFullMilliseconds(balance);
        return elapsedMilliseconds >= untilFull ? Capacity : balance + elapsedMilliseconds * PointsPerWindow;
    }

    /// <summary>Points a client can see: the whole points of a positive balance.</summary>
    public long Remaining(long balance) => balance <= 0 ? 0 : Math.Min(balance, Capacity) / WindowMilliseconds;

    public long UntilFullMilliseconds(long balance) =>
        balance >= Capacity ? 0 : (Capacity - balance + PointsPerWindow - 1) / PointsPerWindow;

    /// <summary>How long until the balance is above zero, when a request is admitted again.</summary>
    public long UntilPositiveMilliseconds(long balance) => balance > 0 ? 0 : -balance / PointsPerWindow + 1;
}

/// <summary>A client's bucket after a charge or a look, as the store answered at <see cref="At"/> (this process's clock).</summary>
/// <param name="Admitted">The charge was made (a look is always admitted).</param>
/// <param name="Balance">In units of <see cref="BucketRate"/>; below zero while the client is in debt.</param>
internal readonly record struct BucketState(bool Admitted, BucketRate Rate, long Balance, DateTimeOffset At)
{
    public static BucketState Full(BucketRate rate, DateTimeOffset at) => new(true, rate, rate.Capacity, at);

    public long Limit => Rate.BurstPoints;

    public long Remaining => Rate.Remaining(Balance);

    public DateTimeOffset FullAt => At + TimeSpan.FromMilliseconds(Rate.UntilFullMilliseconds(Balance));

    public DateTimeOffset PositiveAt => At + TimeSpan.FromMilliseconds(Rate.UntilPositiveMilliseconds(Balance));

    /// <summary>The same bucket later, refilled by the time that passed and charged nothing more.</summary>
    public BucketState Later(DateTimeOffset now) => now <= At
        ? this with { Admitted = true }
        : new BucketState(true, Rate, Rate.Refill(Balance, (long)(now - At).TotalMilliseconds), now);
}
