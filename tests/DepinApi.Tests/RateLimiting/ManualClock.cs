namespace DepinApi.Tests.RateLimiting;

/// <summary>A clock that moves only when a test moves it, so refills are tested without sleeping.</summary>
public sealed class ManualClock : TimeProvider
{
    private long _utcTicks = new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero).UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _utcTicks, by.Ticks);
}
