using DepinApi.Database;
using DepinApi.Observability;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace DepinApi.Rest.Infrastructure;

/// <summary>
/// The output-cache policy of the REST API: GET and HEAD responses with status 200 are kept per
/// path, full query string, Accept and Accept-Encoding (the last three as digests), and data version. The version in the key
/// means a cached answer from before an import can never be served after it, even before
/// <see cref="OutputCacheEviction"/> has dropped it by its tag. A request whose <c>If-Match</c> names no current tag is
/// answered 412 whenever the 200 exists, so its answer is kept apart: built once per data version, then served from here.
/// </summary>
public sealed class DataVersionCachePolicy(DataVersionTracker tracker, IOptions<RestOptions> options, CursorCodec keys) : IOutputCachePolicy
{
    /// <summary>The name endpoints use with <c>CacheOutput(PolicyName)</c>.</summary>
    public const string PolicyName = "rest-data-version";

    /// <summary>Every entry carries this tag; an import evicts them all at once.</summary>
    public const string Tag = "depin-data";

    private const string PreconditionFailedKey = "precondition";

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var request = context.HttpContext.Request;
        var cacheable = options.Value.OutputCacheEnabled
                        && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
                        && tracker.Current is not null
                        && !request.Headers.ContainsKey("Authorization");
        // The API sends no Last-Modified, so If-Modified-Since has no date to compare with and is ignored (RFC 9110
        // 13.1.3); the output cache would compare it with the date it kept, and answer 304 only when it holds the answer.
        request.Headers.Remove(Microsoft.Net.Http.Headers.HeaderNames.IfModifiedSince);
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        // No locking: with it, concurrent misses of one key wait for the first one's build and share its outcome, so a
        // client that went away mid-build failed every request waiting with it (a 500 or 503 to others); and each
        // request is charged for its own build anyway (Rest/AbortedNeighbourTests).
        context.AllowLocking = false;
        if (!cacheable)
            return ValueTask.CompletedTask;
        // The query string is in the key exactly as sent (ExactQueryCacheKey); the Accept headers as a digest.
        context.CacheVaryByRules.VaryByValues["accept"] = CacheKeyDigest.Of(request.Headers.Accept, request.Headers.AcceptEncoding);
        context.CacheVaryByRules.VaryByValues["dataVersion"] = tracker.Current!.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (request.Headers.ContainsKey(Microsoft.Net.Http.Headers.HeaderNames.IfMatch)
            && Preconditions.IfMatchFails(request, EntityTags.Current(request, tracker.Current!, keys)))
        {
            context.CacheVaryByRules.VaryByValues[PreconditionFailedKey] = "412";
            // A failed If-Match is answered 412 whatever If-None-Match says (RFC 9110 13.2.2); left in, a kept 412 would be
            // answered 304 to "If-None-Match: *", which the output cache grants to any entry.
            request.Headers.Remove(Microsoft.Net.Http.Headers.HeaderNames.IfNoneMatch);
        }
        context.ResponseExpirationTimeSpan = TimeSpan.FromSeconds(options.Value.OutputCacheSeconds);
        context.Tags.Add(Tag);
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        DepinMetrics.Of(context.HttpContext)?.OutputCacheLookup("rest", hit: true);
        OwnCacheFreshness.ServeAsFresh(context.HttpContext.Response);
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        // Reached only when the cache had no answer: a lookup that was allowed is a miss.
        if (context.AllowCacheLookup) DepinMetrics.Of(context.HttpContext)?.OutputCacheLookup("rest", hit: false);
        var response = context.HttpContext.Response;
        // Only full successful representations are shared, and the 412s of failed If-Match under their own key; other problems
        // and redirects are cheap to recompute.
        var kept = context.CacheVaryByRules.VaryByValues.ContainsKey(PreconditionFailedKey)
            ? StatusCodes.Status412PreconditionFailed
            : StatusCodes.Status200OK;
        if (response.StatusCode != kept || response.Headers.ContainsKey("Set-Cookie"))
            context.AllowCacheStorage = false;
        // Data newer than the version in the key (the tracker has not polled it yet) must not be kept under that key.
        if (SnapshotVersion.Of(context.HttpContext) is { } read
            && context.CacheVaryByRules.VaryByValues.TryGetValue("dataVersion", out var keyed)
            && keyed != read.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            context.AllowCacheStorage = false;
        return ValueTask.CompletedTask;
    }
}
