namespace DepinApi.RateLimiting;

/// <summary>
/// The Lua scripts behind <see cref="RedisBudgetStore"/>: each charge is one round trip and atomic across replicas.
/// A bucket is a hash of its balance and the millisecond it refers to, refilled by the same whole-number arithmetic
/// as <see cref="BucketRate"/>; a missing bucket is a full one, so the key expires once the bucket would be full.
/// The time is Redis's own (<c>TIME</c>), so replicas' clocks do not matter, unless a clock is passed in.
/// </summary>
internal static class RedisBudgetScripts
{
    // Both scripts' first lines: the bucket refilled to now, and spend(), which takes the points from it (possibly
    // below zero) and stores it with a time to live of one window past the moment it is full again.
    private const string Bucket = """
        local burst, perWindow, window, points = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
        local now = tonumber(ARGV[5])
        if not now then
          local t = redis.call('TIME')
          now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        end
        local capacity = burst * window
        local balance, stamp = capacity, now
        local held = redis.call('HMGET', KEYS[1], 'b', 't')
        if held[1] then
          balance, stamp = math.min(tonumber(held[1]), capacity), tonumber(held[2])
          if now > stamp then
            if balance < capacity then
              local elapsed = now - stamp
              if elapsed >= math.ceil((capacity - balance) / perWindow) then balance = capacity
              else balance = balance + elapsed * perWindow end
            end
            stamp = now
          end
        end
        local function spend()
          balance = balance - points * window
          redis.call('HSET', KEYS[1], 'b', string.format('%.0f', balance), 't', string.format('%.0f', stamp))
          redis.call('PEXPIRE', KEYS[1], math.ceil((capacity - balance) / perWindow) + window)
        end

        """;

    /// <summary>
    /// KEYS: the bucket, the in-flight set. ARGV: burst points, points per window, window ms, points, now ms (empty:
    /// Redis's clock), in-flight limit, lease id, lease ms. Returns {outcome, balance}: 0 too many in flight, 1 out of
    /// points (the balance is not above zero), 2 admitted (lease added, points spent). In-flight leases are scored by
    /// the same clock and dropped after the lease time, so the places of a replica that died mid-request come back.
    /// </summary>
    public const string Admit = Bucket + """
        local lease = tonumber(ARGV[8])
        redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now - lease)
        if redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[6]) then return {0, balance} end
        if balance <= 0 then return {1, balance} end
        spend()
        redis.call('ZADD', KEYS[2], now, ARGV[7])
        redis.call('PEXPIRE', KEYS[2], lease)
        return {2, balance}
        """;

    /// <summary>
    /// KEYS: the bucket. ARGV: burst points, points per window, window ms, points, now ms (empty: Redis's clock),
    /// points the request already paid. Returns {1 refused or 2 charged, balance}.
    /// </summary>
    public const string Charge = Bucket + """
        if balance + tonumber(ARGV[6]) * window <= 0 then return {1, balance} end
        spend()
        return {2, balance}
        """;
}
