using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace DepinApi.Tests.RateLimiting;

/// <summary>Probes cost no points, but one address cannot send them faster than its allowance.</summary>
public class ProbeAllowanceTests(RateLimitDatabase database) : IClassFixture<RateLimitDatabase>
{
    private const int PerSecond = 3;

    private RateLimitedApi Api() => new(database.ConnectionString,
        RateLimitedApi.SmallLimits(("RateLimiting:ProbeRequestsPerSecond", PerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture))));

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    public async Task A_probe_flood_from_one_address_is_refused_beyond_its_allowance_and_others_still_get_through(string path)
    {
        await using var api = Api();
        var admitted = 0;
        HttpResponseMessage? refused = null;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 40; i++)
        {
            var response = await api.GetAsync(path, peer: "198.51.100.7");
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused ??= response;
                continue;
            }
            admitted++;
            response.Dispose();
        }
        var seconds = (int)Math.Ceiling(clock.Elapsed.TotalSeconds);

        // The bucket holds PerSecond and refills that many each second: nothing more can have been admitted.
        Assert.InRange(admitted, PerSecond, PerSecond * (seconds + 1));
        Assert.NotNull(refused);
        Assert.Equal("1", RateLimitResponseTests.Header(refused, "Retry-After"));
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("/problems/rate-limited", problem.GetProperty("type").GetString());
        Assert.Equal("probe-requests-per-second", problem.GetProperty("limit").GetString());
        Assert.Contains("198.51.100.7", problem.GetProperty("detail").GetString());
        refused.Dispose();

        // Another address has an allowance of its own, and the flood spent no points of the first one's budget.
        using var other = await api.GetAsync(path, peer: "198.51.100.8");
        Assert.NotEqual(HttpStatusCode.TooManyRequests, other.StatusCode);
        using var data = await api.GetAsync("/test/ok", peer: "198.51.100.7");
        Assert.Equal(HttpStatusCode.OK, data.StatusCode);
        Assert.Equal("2", RateLimitResponseTests.Header(data, "RateLimit-Remaining"));
    }

    [Fact]
    public async Task Cors_preflights_cost_no_points_but_draw_on_the_probe_allowance_and_a_refusal_is_readable_cross_origin()
    {
        await using var api = Api();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 20; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Options, "/v1/projects");
            request.Headers.Add(TestEndpoints.PeerHeader, "198.51.100.9");
            request.Headers.Add("Origin", "https://dashboard.example");
            request.Headers.Add("Access-Control-Request-Method", "GET");
            var response = await api.Client.SendAsync(request);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests && refused is null)
                refused = response;
            else
                response.Dispose();
        }

        Assert.Contains(HttpStatusCode.NoContent, statuses);
        Assert.NotNull(refused);
        Assert.Equal("probe-requests-per-second", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("limit").GetString());
        // Readable from the page that asked, as every other answer to a preflight is; a refusal grants nothing.
        Assert.Equal("*", Assert.Single(refused.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Contains("Retry-After", Assert.Single(refused.Headers.GetValues("Access-Control-Expose-Headers")).Split(','),
            StringComparer.OrdinalIgnoreCase);
        Assert.False(refused.Headers.Contains("Access-Control-Allow-Methods"));
        refused.Dispose();
        // They spent no points: the address's first ordinary request finds its whole budget.
        using var data = await api.GetAsync("/test/ok", peer: "198.51.100.9");
        Assert.Equal("2", RateLimitResponseTests.Header(data, "RateLimit-Remaining"));
    }

    [Fact]
    public async Task The_allowance_is_refilled_every_second()
    {
        await using var api = Api();
        for (var i = 0; i < PerSecond * 4; i++)
            (await api.GetAsync("/healthz", peer: "198.51.100.9")).Dispose();

        await Task.Delay(TimeSpan.FromSeconds(1.5));

        using var response = await api.GetAsync("/healthz", peer: "198.51.100.9");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
