namespace DepinApi.RateLimiting;

/// <summary>
/// The Lua scripts behind <see cref="RedisBudgetStore"/>: each charge is one round trip and atomic across replicas.
/// A window is a counter whose time to live is the rest of the window, so Redis's clock, not the replicas', decides
/// when it ends.
/// </summary>
internal static class RedisBudgetScripts
{
    // Both scripts' first lines: the window as Redis holds it (a missing or expired counter is a fresh window), and
    // spend(), which takes the points from it, starting the window's time to live when it is fresh.
    private const string Window = """
        local limit, points, window = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
        local used = tonumber(redis.call('GET', KEYS[1]) or '0')
        local ttl = redis.call('PTTL', KEYS[1])
        local fresh = ttl < 0
        if fresh then used = 0; ttl = window end
        local function spend()
          if fresh then
            redis.call('SET', KEYS[1], points, 'PX', window)
            return points
          end
          return redis.call('INCRBY', KEYS[1], points)
        end

        """;

    /// <summary>
    /// KEYS: the window counter, the in-flight set. ARGV: limit, points, window ms, in-flight limit, lease id, lease ms.
    /// Returns {outcome, used, ttl ms}: 0 too many in flight, 1 out of points, 2 admitted (lease added, points spent).
    /// In-flight leases are scored by Redis's time and dropped after the lease time, so the places of a replica that
    /// died mid-request come back.
    /// </summary>
    public const string Admit = Window + """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local lease = tonumber(ARGV[6])
        redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now - lease)
        if redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[4]) then return {0, used, ttl} end
        if used + points > limit then return {1, used, ttl} end
        used = spend()
        redis.call('ZADD', KEYS[2], now, ARGV[5])
        redis.call('PEXPIRE', KEYS[2], lease)
        return {2, used, ttl}
        """;

    /// <summary>KEYS: the window counter. ARGV: limit, points, window ms. Returns {1 refused or 2 charged, used, ttl ms}.</summary>
    public const string Charge = Window + """
        if used + points > limit then return {1, used, ttl} end
        used = spend()
        return {2, used, ttl}
        """;
}
