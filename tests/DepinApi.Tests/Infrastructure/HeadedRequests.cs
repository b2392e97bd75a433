namespace DepinApi.Tests.Infrastructure;

/// <summary>
/// A request with the content-negotiation and precondition headers a test names, for the tests of codings, tags and
/// 304s. A header given as null or empty is not sent.
/// </summary>
public static class HeadedRequests
{
    public static async Task<HttpResponseMessage> SendWithHeadersAsync(this HttpClient client, string url,
        string? accept = null, string? acceptEncoding = null, string? ifNoneMatch = null, string? ifMatch = null,
        HttpMethod? method = null)
    {
        using var request = new HttpRequestMessage(method ?? HttpMethod.Get, url);
        Add(request, "Accept", accept);
        Add(request, "Accept-Encoding", acceptEncoding);
        Add(request, "If-None-Match", ifNoneMatch);
        Add(request, "If-Match", ifMatch);
        return await client.SendAsync(request);
    }

    private static void Add(HttpRequestMessage request, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
            request.Headers.TryAddWithoutValidation(name, value);
    }
}
