using Microsoft.Net.Http.Headers;

namespace DepinApi.Rest.Infrastructure;

/// <summary>
/// Serves an answer from this server's output cache as the fresh answer it is. Entries are keyed by the data version
/// and evicted when it changes, so one is as current as the response the endpoint would build now, however long it
/// has been kept (<c>Rest:OutputCacheSeconds</c>, 600 by default). The output cache writes the entry's age
/// (<c>Age</c>) and its first <c>Date</c>; past the <c>max-age</c> the response promises (60 s), every HTTP cache
/// and browser downstream would count the answer stale on arrival (RFC 9111 4.2.3) and revalidate it on every use.
/// What the client learns instead is that the answer came from the cache: <see cref="Hit"/>, in place of the
/// timing of the request that built it.
/// </summary>
internal static class OwnCacheFreshness
{
    /// <summary>The <c>Server-Timing</c> of an answer served from the output cache.</summary>
    public const string Hit = "cache;desc=\"hit\"";

    /// <summary>Drops the cached answer's <c>Age</c> and <c>Date</c> as it starts (the server dates it anew) and says it is a hit.</summary>
    public static void ServeAsFresh(HttpResponse response) =>
        response.OnStarting(static state =>
        {
            var headers = ((HttpResponse)state).Headers;
            headers.Remove(HeaderNames.Age);
            headers.Remove(HeaderNames.Date);
            headers["Server-Timing"] = Hit;
            return Task.CompletedTask;
        }, response);
}
