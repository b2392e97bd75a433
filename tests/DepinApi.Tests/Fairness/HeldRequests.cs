using DepinApi.Tests.RateLimiting;

namespace DepinApi.Tests.Fairness;

/// <summary>
/// The clients and requests of the fairness tests (builds and database sessions alike): three clients by address, a
/// cheap request, and price series that a test lock on token_prices holds inside the server.
/// </summary>
internal static class HeldRequests
{
    public const string A = "192.0.2.1";
    public const string B = "192.0.2.2";
    public const string C = "192.0.2.3";
    public const string Cheap = "/v1/projects?limit=3";

    /// <summary>A distinct price series request (<paramref name="n"/> picks the start date), so no two share a cache entry.</summary>
    public static string Prices(int n) => $"/v1/projects/helium/token-prices?limit=5&from=2024-01-{n:00}";

    /// <summary>The gates' key of a client by address (see RequestCharge.PartitionKeyOf).</summary>
    public static string Key(string address) => "ip:" + address;

    /// <summary>A GET from <paramref name="peer"/> that the test can abandon.</summary>
    public static Task<HttpResponseMessage> SendAsync(RateLimitedApi api, string path, string peer, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add(TestEndpoints.PeerHeader, peer);
        return api.Client.SendAsync(request, cancellationToken);
    }
}
