using System.Diagnostics.Metrics;
using DepinApi.Redis;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace DepinApi.RateLimiting;

/// <summary>
/// The budgets every replica shares, in Redis: one Lua round trip admits a request (an in-flight place and its first
/// point from the client's bucket, atomically) and one charges a later cost. When Redis does not answer within <see cref="RedisOptions.Timeout"/>,
/// the request is counted by <see cref="InProcessBudgetStore"/> instead (or refused, with
/// <see cref="RedisFailureMode.Refuse"/>), and a <see cref="RedisBackoff"/> leaves Redis alone for
/// <see cref="RateLimitingOptions.RedisRetrySeconds"/>: no request waits on a Redis that is known to be away.
/// </summary>
internal sealed partial class RedisBudgetStore : IClientBudgetStore
{
    public const string MeterName = "DepinApi.RateLimiting";

    private readonly IConnectionMultiplexer _redis;
    private readonly InProcessBudgetStore _fallback;
    private readonly RateLimitingOptions _options;
    private readonly RedisOptions _redisOptions;
    private readonly TimeProvider _time;
    private readonly RedisBackoff _backoff;
    private readonly RedisInFlightPlaces _places;
    private readonly Counter<long> _unavailable;
    private long _unavailableCount;

    public RedisBudgetStore(IConnectionMultiplexer redis, InProcessBudgetStore fallback, IOptions<RateLimitingOptions> options,
        IOptions<RedisOptions> redisOptions, TimeProvider time, ILogger<RedisBudgetStore> logger, IMeterFactory meters)
    {
        _redis = redis;
        _fallback = fallback;
        _options = options.Value;
        _redisOptions = redisOptions.Value;
        _time = time;
        var mode = _options.RedisFailureMode;
        var retrySeconds = _options.RedisRetrySeconds;
        _backoff = new RedisBackoff(redis, _redisOptions.Timeout, TimeSpan.FromSeconds(retrySeconds), time,
            cause => LogUnavailable(logger, cause, mode, retrySeconds), () => LogRecovered(logger));
        _places = new RedisInFlightPlaces(redis, _redisOptions.Timeout, TimeSpan.FromSeconds(retrySeconds),
            TimeSpan.FromSeconds(_options.RedisInFlightLeaseSeconds), time);
        _unavailable = meters.Create(MeterName).CreateCounter<long>("depin.rate_limit.store_unavailable", unit: "{request}",
            description: "Rate-limited requests decided without Redis because it did not answer (tag mode: fallback or refuse).");
    }

    public bool AnswersSynchronously => false;

    public TimeSpan WindowLength => _options.Window;

    /// <summary>Requests decided without Redis since start-up (also counted by the meter).</summary>
    internal long UnavailableCount => Interlocked.Read(ref _unavailableCount);

    /// <summary>In-flight places whose removal Redis has not answered yet.</summary>
    internal int UnansweredReleases => _places.Unanswered;

    /// <summary>Whether the last call to Redis failed and it is being left alone.</summary>
    internal bool Failing => _backoff.Failing;

    public async ValueTask<Admission> AdmitAsync(ClientIdentity client, long points, CancellationToken cancellationToken)
    {
        var rate = BucketRate.Of(client, WindowLength);
        var lease = Guid.NewGuid().ToString("N");
        var inFlightKey = Key(client, "inflight");
        var sent = false;
        (bool Answered, Reply Value) reply;
        try
        {
            reply = await _backoff.CallAsync(() =>
            {
                sent = true;
                _places.ResendUnanswered();
                return EvaluateAsync(RedisBudgetScripts.Admit, [Key(client, "bucket"), inFlightKey],
                    [rate.BurstPoints, rate.PointsPerWindow, rate.WindowMilliseconds, points, Now(), client.ConcurrentRequests,
                     lease, (long)TimeSpan.FromSeconds(_options.RedisInFlightLeaseSeconds).TotalMilliseconds]);
            }, cancellationToken);
        }
        catch (OperationCanceledException) when (sent)
        {
            // The request was abandoned while the script was on its way; it may still take a place.
            _places.Release(inFlightKey, lease);
            throw;
        }
        var (answered, r) = reply;
        if (answered)
        {
            var outcome = r.Code switch { 0 => AdmissionOutcome.TooManyInFlight, 1 => AdmissionOutcome.OutOfPoints, _ => AdmissionOutcome.Admitted };
            var state = new BucketState(outcome == AdmissionOutcome.Admitted, rate, r.Balance, _time.GetUtcNow());
            return new Admission(outcome, state, outcome == AdmissionOutcome.Admitted ? _places.Hold(inFlightKey, lease) : null);
        }
        var admission = Unavailable()
            ? await _fallback.AdmitAsync(client, points, cancellationToken)
            : new Admission(AdmissionOutcome.StoreUnavailable, _fallback.Peek(client, null), null);
        if (!sent)
            return admission;
        // The script timed out here but may still run once Redis answers again, taking a place (and spending a point)
        // for a request decided without it: the place is given back when the request ends, as a confirmed one is.
        if (admission.InFlight is null)
        {
            _places.Release(inFlightKey, lease);
            return admission;
        }
        return admission with { InFlight = _places.Hold(inFlightKey, lease, admission.InFlight) };
    }

    public async ValueTask<BucketState?> ChargeAsync(ClientIdentity client, long points, long alreadyPaid, CancellationToken cancellationToken)
    {
        var rate = BucketRate.Of(client, WindowLength);
        var (answered, r) = await _backoff.CallAsync(() => EvaluateAsync(RedisBudgetScripts.Charge, [Key(client, "bucket")],
            [rate.BurstPoints, rate.PointsPerWindow, rate.WindowMilliseconds, points, Now(), alreadyPaid]), cancellationToken);
        if (answered)
            return new BucketState(r.Code == 2, rate, r.Balance, _time.GetUtcNow());
        return Unavailable() ? await _fallback.ChargeAsync(client, points, alreadyPaid, cancellationToken) : null;
    }

    /// <summary>
    /// Redis's figures as the request last saw them, refilled by the time since (each answer carries them, so headers
    /// cost no extra round trip); another replica's charges since then are not in them.
    /// </summary>
    public BucketState Peek(ClientIdentity client, BucketState? lastSeen)
    {
        var now = _time.GetUtcNow();
        return lastSeen is { } seen ? seen.Later(now) : BucketState.Full(BucketRate.Of(client, WindowLength), now);
    }

    /// <summary>
    /// Empty, so the scripts read Redis's clock, unless the service's clock was replaced (tests move theirs by hand):
    /// then that clock, so every replica given the same clock agrees with it exactly.
    /// </summary>
    private RedisValue Now() =>
        ReferenceEquals(_time, TimeProvider.System) ? RedisValue.EmptyString : _time.GetUtcNow().ToUnixTimeMilliseconds();

    private string Key(ClientIdentity client, string what) =>
        // The partition in braces is a cluster hash tag: both keys of a script live on the same node.
        $"{_redisOptions.KeyPrefix}rl:{{{client.PartitionKey}}}:{what}";

    private async Task<Reply> EvaluateAsync(string script, RedisKey[] keys, RedisValue[] values)
    {
        var numbers = (long[])(await _redis.GetDatabase().ScriptEvaluateAsync(script, keys, values))!;
        return new Reply((int)numbers[0], numbers[1]);
    }

    /// <summary>Counts a request decided without Redis; true when it is to be counted in process, false when refused.</summary>
    private bool Unavailable()
    {
        var fallBack = _options.RedisFailureMode == RedisFailureMode.FallBackToProcess;
        Interlocked.Increment(ref _unavailableCount);
        _unavailable.Add(1, new KeyValuePair<string, object?>("mode", fallBack ? "fallback" : "refuse"));
        return fallBack;
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Redis did not answer for rate limits; until it does, requests are decided with mode {Mode} (tried again every {RetrySeconds} s)")]
    private static partial void LogUnavailable(ILogger logger, Exception? exception, RedisFailureMode mode, int retrySeconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redis answers again; rate limits are shared across replicas")]
    private static partial void LogRecovered(ILogger logger);

    private readonly record struct Reply(int Code, long Balance);
}
