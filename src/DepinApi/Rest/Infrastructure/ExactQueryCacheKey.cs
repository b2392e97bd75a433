using Microsoft.AspNetCore.OutputCaching;

namespace DepinApi.Rest.Infrastructure;

/// <summary>
/// Adds the query string exactly as sent to every output-cache key. The cache's own key treats
/// query names case-insensitively and sorts parameters, but a response echoes the query as sent
/// (<c>page.next</c>, the cursor's scope, the ETag), so two spellings must not share an entry: a
/// cached answer is then always the bytes an uncached request would get. It goes in as a digest
/// (<see cref="CacheKeyDigest"/>), so a long query string makes no long key.
/// </summary>
public sealed class ExactQueryCacheKey : IOutputCachePolicy
{
    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        context.CacheVaryByRules.VaryByValues["rawQuery"] = CacheKeyDigest.Of(context.HttpContext.Request.QueryString.Value);
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;
}
