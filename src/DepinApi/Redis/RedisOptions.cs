namespace DepinApi.Redis;

/// <summary>
/// The "Redis" configuration section: how the optional shared store is reached. Redis is used only when
/// <c>ConnectionStrings:Redis</c> is set; these settings keep a slow or absent Redis from slowing requests down.
/// </summary>
public sealed class RedisOptions
{
    public const string Section = "Redis";

    /// <summary>The connection string's name under "ConnectionStrings".</summary>
    public const string ConnectionStringName = "Redis";

    /// <summary>
    /// Longest a request waits for one Redis answer before it is served without Redis (a slow Redis must not become a
    /// slow API). A same-host or same-zone Redis answers in well under a millisecond.
    /// </summary>
    public int TimeoutMilliseconds { get; set; } = 250;

    /// <summary>Longest the first connection attempt may take at start-up; later reconnections happen in the background.</summary>
    public int ConnectTimeoutMilliseconds { get; set; } = 2_000;

    /// <summary>Prefix of every key this service writes, so several deployments can share one Redis.</summary>
    public string KeyPrefix { get; set; } = "depin:";

    public TimeSpan Timeout => TimeSpan.FromMilliseconds(TimeoutMilliseconds);
}
