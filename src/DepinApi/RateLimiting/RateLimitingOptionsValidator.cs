using Microsoft.Extensions.Options;

namespace DepinApi.RateLimiting;

/// <summary>Refuses to start with limits that cannot work, naming the setting and what it expects.</summary>
internal sealed class RateLimitingOptionsValidator : IValidateOptions<RateLimitingOptions>
{
    public ValidateOptionsResult Validate(string? name, RateLimitingOptions options)
    {
        const string s = RateLimitingOptions.Section;
        var errors = new List<string>();
        if (options.WindowSeconds < 1)
            errors.Add($"{s}:WindowSeconds must be at least 1, got {options.WindowSeconds}.");
        CheckLimits(errors, options, $"{s}:Anonymous", options.Anonymous.PointsPerWindow, options.Anonymous.BurstPoints,
            options.Anonymous.ConcurrentRequests);
        CheckLimits(errors, options, $"{s}:ApiKey", options.ApiKey.PointsPerWindow, options.ApiKey.BurstPoints,
            options.ApiKey.ConcurrentRequests);
        if (options.Ipv6PrefixLength is < 0 or > 128)
            errors.Add($"{s}:Ipv6PrefixLength must be 0 to 128, got {options.Ipv6PrefixLength}.");
        if (options.ProbeRequestsPerSecond < 1)
            errors.Add($"{s}:ProbeRequestsPerSecond must be at least 1, got {options.ProbeRequestsPerSecond}.");
        if (options.RefusalPacing.Burst < 0)
            errors.Add($"{s}:RefusalPacing:Burst must be at least 0, got {options.RefusalPacing.Burst}.");
        if (options.RefusalPacing.PerSecond is < 1 or > 1000)
            errors.Add($"{s}:RefusalPacing:PerSecond must be 1 to 1000, got {options.RefusalPacing.PerSecond}.");
        if (options.RefusalPacing.MaxHoldMilliseconds is < 0 or > 60_000)
            errors.Add($"{s}:RefusalPacing:MaxHoldMilliseconds must be 0 (off) to 60000, got {options.RefusalPacing.MaxHoldMilliseconds}.");
        if (options.RedisRetrySeconds < 1)
            errors.Add($"{s}:RedisRetrySeconds must be at least 1, got {options.RedisRetrySeconds}.");
        if (options.RedisInFlightLeaseSeconds < 1)
            errors.Add($"{s}:RedisInFlightLeaseSeconds must be at least 1, got {options.RedisInFlightLeaseSeconds}.");
        if (!Enum.IsDefined(options.RedisFailureMode))
            errors.Add($"{s}:RedisFailureMode must be FallBackToProcess or Refuse.");
        foreach (var path in options.EffectiveExemptPaths)
            if (!path.StartsWith('/'))
                errors.Add($"{s}:ExemptPaths: '{path}' must start with '/'.");

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var hashes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.ApiKeys.Count; i++)
        {
            var key = options.ApiKeys[i];
            var at = $"{s}:ApiKeys:{i}";
            if (string.IsNullOrWhiteSpace(key.Name))
                errors.Add($"{at}:Name is required (it names the key's partition).");
            else if (!names.Add(key.Name))
                errors.Add($"{at}:Name '{key.Name}' is used by another key.");
            var hash = key.Sha256.Trim();
            if (hash.Length != 64 || !hash.All(Uri.IsHexDigit))
                errors.Add($"{at}:Sha256 must be 64 hex digits (printf %s \"$KEY\" | sha256sum), got '{key.Sha256}'.");
            else if (!hashes.Add(hash))
                errors.Add($"{at}:Sha256 is the hash of another configured key.");
            CheckLimits(errors, options, at, key.PointsPerWindow ?? 1, key.BurstPoints ?? 1, key.ConcurrentRequests ?? 1);
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    // Balances are counted in 1/(window in ms) of a point, exact in Redis's Lua numbers (doubles) below 2^53.
    private const long MaxPointMilliseconds = 1_000_000_000_000_000;

    private static void CheckLimits(List<string> errors, RateLimitingOptions options, string at, long points, long burst, int concurrent)
    {
        if (points < 1)
            errors.Add($"{at}:PointsPerWindow must be at least 1, got {points}.");
        else if (options.WindowSeconds >= 1 && points > MaxPointMilliseconds / 1000 / options.WindowSeconds)
            errors.Add($"{at}:PointsPerWindow times {RateLimitingOptions.Section}:WindowSeconds must be at most 10^12, got {points} × {options.WindowSeconds}.");
        if (burst < 1)
            errors.Add($"{at}:BurstPoints must be at least 1, got {burst}.");
        if (concurrent < 1)
            errors.Add($"{at}:ConcurrentRequests must be at least 1, got {concurrent}.");
    }
}
