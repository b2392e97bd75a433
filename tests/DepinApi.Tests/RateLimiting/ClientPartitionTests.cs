using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DepinApi.RateLimiting;
using static DepinApi.Tests.RateLimiting.RateLimitResponseTests;

namespace DepinApi.Tests.RateLimiting;

public class ClientPartitionTests(RateLimitDatabase database) : IClassFixture<RateLimitDatabase>
{
    private const string Proxy = "10.0.0.7";
    private const string Key = "test-key-4f1c2a9e0b7d4c3e8a6f";

    private RateLimitedApi Api() => new(database.ConnectionString, RateLimitedApi.SmallLimits(
        ("ForwardedHeaders:KnownProxies:0", Proxy),
        ("ForwardedHeaders:KnownNetworks:0", "172.16.0.0/12"),
        ("RateLimiting:ApiKeys:0:Name", "acme"),
        ("RateLimiting:ApiKeys:0:Sha256", ApiKeyRegistry.Hash(Key)),
        ("RateLimiting:ApiKeys:1:Name", "small"),
        ("RateLimiting:ApiKeys:1:Sha256", ApiKeyRegistry.Hash("other-key")),
        ("RateLimiting:ApiKeys:1:PointsPerWindow", "1")));

    private static async Task<List<HttpStatusCode>> Statuses(int count, Func<Task<HttpResponseMessage>> send)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
            using (var response = await send())
                statuses.Add(response.StatusCode);
        return statuses;
    }

    [Fact]
    public async Task Clients_behind_a_trusted_proxy_get_a_partition_each()
    {
        await using var api = Api();

        var first = await Statuses(4, () => api.GetAsync("/test/ok", peer: Proxy, forwardedFor: "203.0.113.1"));
        var second = await Statuses(3, () => api.GetAsync("/test/ok", peer: Proxy, forwardedFor: "203.0.113.2"));
        var viaNetwork = await Statuses(3, () => api.GetAsync("/test/ok", peer: "172.20.1.1", forwardedFor: "203.0.113.3"));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], first);
        Assert.All(second, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.All(viaNetwork, status => Assert.Equal(HttpStatusCode.OK, status));
        using var refused = await api.GetAsync("/test/ok", peer: Proxy, forwardedFor: "203.0.113.1");
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("client 203.0.113.1", problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        // Not "a REST request costs 1 point" alone: large answers and painted charts cost more.
        Assert.Contains(DepinApi.RateLimiting.PointPrices.InBrief, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_untrusted_peer_cannot_choose_its_partition_with_X_Forwarded_For()
    {
        await using var api = Api();

        var statuses = await Statuses(4, () => api.GetAsync("/test/ok", peer: "198.51.100.9",
            forwardedFor: $"203.0.113.{Random.Shared.Next(1, 250)}"));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Addresses_a_client_writes_before_its_own_in_X_Forwarded_For_are_not_believed()
    {
        await using var api = Api();

        // The trusted proxy appends the address it saw; what the client sent before it is the client's own claim.
        var statuses = await Statuses(4, () => api.GetAsync("/test/ok", peer: Proxy,
            forwardedFor: $"203.0.113.{Random.Shared.Next(1, 250)}, 198.51.100.20"));

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[3]);
    }

    [Fact]
    public async Task Without_configured_proxies_even_loopback_is_not_trusted()
    {
        await using var api = new RateLimitedApi(database.ConnectionString, RateLimitedApi.SmallLimits());

        var statuses = await Statuses(4, () => api.GetAsync("/test/ok", peer: "127.0.0.1",
            forwardedFor: $"203.0.113.{Random.Shared.Next(1, 250)}"));

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[3]);
    }

    [Fact]
    public async Task IPv6_clients_share_the_budget_of_their_64_bit_prefix()
    {
        await using var api = Api();

        var sameSubnet = await Statuses(4, () => api.GetAsync("/test/ok",
            peer: $"2001:db8:1:2::{Random.Shared.Next(1, 0xffff):x}"));
        var otherSubnet = await Statuses(1, () => api.GetAsync("/test/ok", peer: "2001:db8:1:3::1"));

        Assert.Equal(HttpStatusCode.TooManyRequests, sameSubnet[3]);
        Assert.Equal(HttpStatusCode.OK, otherSubnet[0]);
    }

    [Fact]
    public async Task An_API_key_has_its_own_larger_budget_shared_across_addresses()
    {
        await using var api = Api();
        (await Statuses(3, () => api.GetAsync("/test/ok"))).ForEach(status => Assert.Equal(HttpStatusCode.OK, status));

        var keyed = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
        {
            using var response = i % 2 == 0
                ? await api.GetAsync("/test/ok", apiKey: Key, peer: $"198.51.100.{i + 1}")
                : await api.GetAsync("/test/ok", bearer: Key, peer: $"198.51.100.{i + 1}");
            keyed.Add(response.StatusCode);
            if (i == 0)
                Assert.Equal("6", Header(response, "RateLimit-Limit"));
            if (i == 6)
            {
                var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
                Assert.Contains("API key 'acme'", problem.GetProperty("detail").GetString());
                Assert.DoesNotContain(Key, problem.GetProperty("detail").GetString());
            }
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, 6).Append(HttpStatusCode.TooManyRequests), keyed);
    }

    [Fact]
    public async Task A_key_may_have_a_budget_of_its_own()
    {
        await using var api = Api();

        var statuses = await Statuses(2, () => api.GetAsync("/test/ok", apiKey: "other-key"));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task An_unknown_key_is_401_problem_json_and_still_costs_its_address_a_point()
    {
        await using var api = Api();

        using var response = await api.GetAsync("/test/ok", apiKey: "not-a-key");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("Bearer", Header(response, "WWW-Authenticate"));
        Assert.Equal("2", Header(response, "RateLimit-Remaining"));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("/problems/invalid-api-key", problem.GetProperty("type").GetString());
        Assert.Equal("X-Api-Key", problem.GetProperty("parameter").GetString());
        Assert.DoesNotContain("not-a-key", problem.GetRawText());

        // A key sent as a bearer token is named as such.
        using var asBearer = await api.GetAsync("/test/ok", bearer: "not-a-key-either");
        var bearerProblem = await asBearer.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.Unauthorized, asBearer.StatusCode);
        Assert.Equal("Authorization", bearerProblem.GetProperty("parameter").GetString());
        Assert.Contains("Authorization: Bearer header", bearerProblem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("X-Api-Key", bearerProblem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var guesses = await Statuses(2, () => api.GetAsync("/test/ok", bearer: $"guess-{Guid.NewGuid()}"));
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], guesses);
    }

    [Fact]
    public async Task Other_authorization_schemes_are_not_taken_for_keys()
    {
        await using var api = Api();
        var request = new HttpRequestMessage(HttpMethod.Get, "/test/ok");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", "dXNlcjpwYXNz");

        using var response = await api.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("3", Header(response, "RateLimit-Limit"));
    }
}
