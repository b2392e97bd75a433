using System.Buffers;
using System.Security.Cryptography;
using DepinApi.Database;
using DepinApi.Observability;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace DepinApi.GraphQL.Http;

/// <summary>
/// Serves a GraphQL result again from the output cache when the same document and variables (GET query string or
/// POST body, byte for byte), for the same response media type, come again while the data version is the same. A new
/// import changes the version, so nothing stale is served. Only results <see cref="ResponseCaching"/> found cacheable
/// are stored.
/// </summary>
internal sealed class GraphQLOutputCachePolicy(IOptions<GraphQLApiOptions> options) : IOutputCachePolicy
{
    public async ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var settings = options.Value;
        var request = context.HttpContext.Request;
        // Compared as sent (RFC 9110 9.1): HttpMethods.IsPost ignores case, so a "post" found the answer a POST had kept,
        // where the endpoint answers it 405.
        var isGet = request.Method == HttpMethods.Get;
        var isPost = request.Method == HttpMethods.Post;
        // No Last-Modified is sent, so If-Modified-Since is ignored (RFC 9110 13.1.3); and a POST is no conditional
        // request (13.1.2 would make a matching If-None-Match a 412): the output cache would answer either with a 304.
        request.Headers.Remove(Microsoft.Net.Http.Headers.HeaderNames.IfModifiedSince);
        if (isPost) request.Headers.Remove(Microsoft.Net.Http.Headers.HeaderNames.IfNoneMatch);
        var caching = settings.CacheEnabled && settings.CacheSeconds > 0;
        // A POST's body is read here, before the build gate, even when nothing is cached: a client that sends it slowly
        // then holds no build turn (nor a large request's place) while it does; the endpoint reads it from the buffer.
        // It is hashed only for the cache's key.
        var bodyHash = isPost ? await ReadBodyAsync(request, settings.MaxRequestBytes, hashed: caching, cancellation) : null;
        if (!caching) return;
        // Resolved per request: the tracker depends on the database, which starts after the endpoints are mapped.
        if (context.HttpContext.RequestServices.GetRequiredService<DataVersionTracker>().Current is not { } version) return;
        if (!isGet && !isPost) return;

        if (isPost)
        {
            if (bodyHash is null) return;
            context.CacheVaryByRules.VaryByValues["body"] = bodyHash;
            context.CacheVaryByRules.VaryByValues["contentType"] = DepinApi.Rest.Infrastructure.CacheKeyDigest.Of(request.ContentType);
        }

        context.EnableOutputCaching = true;
        // A kept result would be served whatever If-Match says; its 412 is made without executing (IfMatchGuard).
        context.AllowCacheLookup = !(isGet && Rest.Infrastructure.Preconditions.IfMatchListsTags(request));
        context.AllowCacheStorage = true;
        // No locking: with it, concurrent misses of one key wait for the first one's build and share its outcome, so a
        // client that went away mid-build failed every request waiting with it (a 500 or 503 to others); and each
        // request is charged for its own build anyway (Rest/AbortedNeighbourTests).
        context.AllowLocking = false;
        // A GET's query string is in the key exactly as sent (ExactQueryCacheKey); Accept as a digest.
        context.CacheVaryByRules.VaryByValues["accept"] = DepinApi.Rest.Infrastructure.CacheKeyDigest.Of(request.Headers.Accept);
        context.CacheVaryByRules.VaryByValues["dataVersion"] = version.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.ResponseExpirationTimeSpan = TimeSpan.FromSeconds(settings.CacheSeconds);
        context.Tags.Add("graphql");
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        DepinMetrics.Of(context.HttpContext)?.OutputCacheLookup("graphql", hit: true);
        DepinApi.Rest.Infrastructure.OwnCacheFreshness.ServeAsFresh(context.HttpContext.Response);
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        // Reached only when the cache had no answer: a lookup that was allowed is a miss.
        if (context.AllowCacheLookup) DepinMetrics.Of(context.HttpContext)?.OutputCacheLookup("graphql", hit: false);
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || !ResponseCaching.IsCacheable(context.HttpContext))
            context.AllowCacheStorage = false;
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Reads the whole body into the request's buffer, leaving it readable for the endpoint, and with
    /// <paramref name="hashed"/> returns its SHA-256 (hex); null without <paramref name="hashed"/>, or when the body is
    /// too long to be a request.
    /// </summary>
    private static async Task<string?> ReadBodyAsync(HttpRequest request, long maxBytes, bool hashed, CancellationToken cancellation)
    {
        if (request.ContentLength > maxBytes) return null;
        request.EnableBuffering();
        using var hash = hashed ? IncrementalHash.CreateHash(HashAlgorithmName.SHA256) : null;
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            long total = 0;
            int read;
            while ((read = await ReadAsync(request, buffer, cancellation)) > 0)
            {
                total += read;
                if (total > maxBytes)
                {
                    request.Body.Position = 0;
                    return null;
                }
                hash?.AppendData(buffer, 0, read);
            }
            if (read < 0) return null;
            request.Body.Position = 0;
            return hash is null ? null : Convert.ToHexStringLower(hash.GetHashAndReset());
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// One read; -1 when the server refuses the body as too large or too slow. A chunked body is counted as the server takes it
    /// in, which can run ahead of these reads, so its limit may trip here before this policy's own: either way the
    /// body is too long to cache, and the endpoint, reading it next, answers with the GraphQL error it gives for that.
    /// </summary>
    private static async Task<int> ReadAsync(HttpRequest request, byte[] buffer, CancellationToken cancellation)
    {
        try
        {
            return await request.Body.ReadAsync(buffer, cancellation);
        }
        catch (BadHttpRequestException e) when (e.StatusCode is StatusCodes.Status413PayloadTooLarge or StatusCodes.Status408RequestTimeout)
        {
            return -1;
        }
    }
}
