namespace DepinApi.RateLimiting;

/// <summary>
/// The "RateLimiting" configuration section: per client, a refilling point budget (a sustained rate of points per
/// window and a burst capacity) and a concurrency limit.
/// Anonymous clients are told apart by IP address; holders of an API key share their key's, larger, budget.
/// </summary>
public sealed class RateLimitingOptions
{
    public const string Section = "RateLimiting";

    /// <summary>The default paths that never count against a budget: probes must answer while a client is throttled.</summary>
    public static readonly IReadOnlyList<string> DefaultExemptPaths = ["/healthz", "/readyz"];

    /// <summary>Off switches the whole feature off: no budgets, no concurrency limit, no RateLimit-* headers.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The window of the sustained rate, in seconds: a client's budget is refilled continuously at
    /// <see cref="ClientLimits.PointsPerWindow"/> points per this many seconds.
    /// </summary>
    public int WindowSeconds { get; set; } = 60;

    /// <summary>Budget of a client identified by its IP address.</summary>
    public ClientLimits Anonymous { get; set; } = new() { PointsPerWindow = 1_000, BurstPoints = 200, ConcurrentRequests = 8 };

    /// <summary>Budget of a client that presents a configured API key, unless the key names its own.</summary>
    public ClientLimits ApiKey { get; set; } = new() { PointsPerWindow = 10_000, BurstPoints = 2_000, ConcurrentRequests = 32 };

    /// <summary>The accepted API keys, stored as SHA-256 hashes so configuration never holds a usable key.</summary>
    public List<ApiKeyOptions> ApiKeys { get; set; } = [];

    /// <summary>
    /// Path prefixes (whole segments) that are not rate limited. Null means <see cref="DefaultExemptPaths"/>; a list
    /// given in configuration replaces them (the binder would otherwise append to a pre-filled list).
    /// </summary>
    public List<string>? ExemptPaths { get; set; }

    /// <summary>
    /// Requests to the exempt paths one address may send per second (a burst of as many, refilled every second). They
    /// cost no points; this keeps a flood of them from taking the server's cores. A balancer probes once a second or so.
    /// </summary>
    public int ProbeRequestsPerSecond { get; set; } = 10;

    /// <summary>How a client that keeps sending requests after its 429s is slowed (<see cref="RateLimiting.RefusalPacing"/>).</summary>
    public RefusalPacingOptions RefusalPacing { get; set; } = new();

    /// <summary>
    /// IPv6 clients are grouped by this prefix length: one subscriber usually holds a whole /64 and could otherwise
    /// rotate through its addresses to multiply its budget.
    /// </summary>
    public int Ipv6PrefixLength { get; set; } = DefaultIpv6PrefixLength;

    public const int DefaultIpv6PrefixLength = 64;

    /// <summary>
    /// With <c>ConnectionStrings:Redis</c> set, what happens while Redis does not answer: count in each process
    /// (each replica then grants a whole budget) or refuse rate-limited requests with 429 until it is back.
    /// </summary>
    public RedisFailureMode RedisFailureMode { get; set; } = RedisFailureMode.FallBackToProcess;

    /// <summary>After Redis failed to answer, requests are decided without it for this long before it is tried again.</summary>
    public int RedisRetrySeconds { get; set; } = 2;

    /// <summary>
    /// An in-flight place held in Redis is given back after this long even if its replica never released it (the
    /// replica died mid-request); longer than any request should take.
    /// </summary>
    public int RedisInFlightLeaseSeconds { get; set; } = 120;

    public TimeSpan Window => TimeSpan.FromSeconds(WindowSeconds);

    public IReadOnlyList<string> EffectiveExemptPaths => ExemptPaths ?? DefaultExemptPaths;
}

/// <summary>The limits of one kind of client.</summary>
public sealed class ClientLimits
{
    /// <summary>
    /// The sustained rate: points refilled per window, continuously. A REST request costs 1; a GraphQL request its
    /// computed cost.
    /// </summary>
    public long PointsPerWindow { get; set; }

    /// <summary>
    /// The most a client can have available at once (its bucket's size); a budget larger than
    /// <see cref="PointsPerWindow"/> is taken as <see cref="PointsPerWindow"/>. A request is admitted while the
    /// balance is above zero and may take it below (one costly query can run from a full bucket), so this bounds
    /// how much a client can spend in its first second, not the price of one request.
    /// </summary>
    public long BurstPoints { get; set; }

    internal long EffectiveBurstPoints => EffectiveBurst(BurstPoints, PointsPerWindow);

    internal static long EffectiveBurst(long burstPoints, long pointsPerWindow) => Math.Min(burstPoints, pointsPerWindow);

    /// <summary>Requests a client may have in flight at once; more are refused at once rather than queued.</summary>
    public int ConcurrentRequests { get; set; }
}

/// <summary>The "RateLimiting:RefusalPacing" settings: refusals answered at once, then paced by holding connections.</summary>
public sealed class RefusalPacingOptions
{
    /// <summary>429s a client gets in quick succession before its connections are held after each further one.</summary>
    public int Burst { get; set; } = 10;

    /// <summary>The pace of a client's 429s beyond the burst, per second.</summary>
    public int PerSecond { get; set; } = 10;

    /// <summary>The longest a connection is held after a 429, in milliseconds; 0 switches the pacing off.</summary>
    public int MaxHoldMilliseconds { get; set; } = 2000;
}

/// <summary>One accepted API key.</summary>
public sealed class ApiKeyOptions
{
    /// <summary>Who holds the key; names the key's partition and appears in refusal messages, never the key itself.</summary>
    public string Name { get; set; } = "";

    /// <summary>Lower-case or upper-case hex SHA-256 of the key's UTF-8 bytes (64 hex digits).</summary>
    public string Sha256 { get; set; } = "";

    /// <summary>A budget for this key alone; unset means <see cref="RateLimitingOptions.ApiKey"/>.</summary>
    public long? PointsPerWindow { get; set; }

    /// <summary>A burst capacity for this key alone; unset means <see cref="RateLimitingOptions.ApiKey"/>.</summary>
    public long? BurstPoints { get; set; }

    /// <summary>A concurrency limit for this key alone; unset means <see cref="RateLimitingOptions.ApiKey"/>.</summary>
    public int? ConcurrentRequests { get; set; }
}
