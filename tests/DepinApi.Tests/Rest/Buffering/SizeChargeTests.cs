using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DepinApi.Tests.Infrastructure;

namespace DepinApi.Tests.Rest.Buffering;

/// <summary>
/// A REST response the API builds costs one point per started Rest:BytesPerPoint bytes, charged before it is sent;
/// one the budget cannot pay is not sent, and spends what is left of the budget.
/// </summary>
public sealed class SizeChargeTests
{
    private const int BytesPerPoint = 64 * 1024;
    private const string WholeSeries = "/v1/projects/helium/token-prices?format=csv";

    private static async Task<ApiFactory> StartAsync(int pointsPerWindow)
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        var factory = new ApiFactory(connectionString, new Dictionary<string, string?>
        {
            ["Database:ImportSeedWhenEmpty"] = "true",
            ["Database:SeedDirectory"] = RepositoryPaths.SeedData,
            ["RateLimiting:Enabled"] = "true",
            ["RateLimiting:Anonymous:PointsPerWindow"] = pointsPerWindow.ToString(CultureInfo.InvariantCulture),
            ["Rest:BytesPerPoint"] = BytesPerPoint.ToString(CultureInfo.InvariantCulture),
        });
        _ = factory.Services;
        // A labelled synthetic series (SyntheticSeries): its whole CSV is several times BytesPerPoint.
        await SyntheticSeries.AddAsync(connectionString, "helium", 5_000);
        return factory;
    }

    [Fact]
    public async Task A_large_response_costs_a_point_per_started_block_and_a_small_one_a_single_point()
    {
        await using var factory = await StartAsync(pointsPerWindow: 1_000);
        using var client = factory.CreateClient();

        using var small = await client.GetAsync("/v1/projects/helium");
        Assert.Equal(HttpStatusCode.OK, small.StatusCode);
        Assert.Equal("999", Remaining(small));

        using var large = await client.GetAsync(WholeSeries);
        Assert.Equal(HttpStatusCode.OK, large.StatusCode);
        var length = (await large.Content.ReadAsByteArrayAsync()).Length;
        var points = (length + BytesPerPoint - 1) / BytesPerPoint;
        Assert.True(points > 4, $"the synthetic series' CSV is only {length} bytes");
        Assert.Equal((999 - points).ToString(CultureInfo.InvariantCulture), Remaining(large));
    }

    [Fact]
    public async Task A_response_the_budget_cannot_pay_is_not_sent_and_spends_the_rest_of_the_budget()
    {
        await using var factory = await StartAsync(pointsPerWindow: 4);
        using var client = factory.CreateClient();

        using var refused = await client.GetAsync(WholeSeries);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Null(refused.Headers.ETag);
        Assert.Null(refused.Content.Headers.ContentDisposition);
        // It costs more than the whole budget: waiting cannot help, so there is no Retry-After, and the problem says so.
        Assert.Null(refused.Headers.RetryAfter);
        Assert.Equal("0", Remaining(refused));
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("/problems/rate-limited", problem.GetProperty("type").GetString());
        Assert.Contains("more than the whole budget", problem.GetProperty("detail").GetString());

        using var next = await client.GetAsync("/v1/projects/helium");
        Assert.Equal(HttpStatusCode.TooManyRequests, next.StatusCode);
    }

    [Fact]
    public async Task A_chart_is_charged_by_its_bytes_and_a_series_too_long_to_draw_is_a_400()
    {
        await using var factory = await StartAsync(pointsPerWindow: 1_000);
        using var client = factory.CreateClient();

        using var tooLong = await client.GetAsync("/v1/projects/helium/token-prices?format=svg");
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal("from", JsonDocument.Parse(await tooLong.Content.ReadAsStringAsync()).RootElement.GetProperty("parameter").GetString());
        var before = int.Parse(Remaining(tooLong), CultureInfo.InvariantCulture);

        // 1,000 synthetic days: each point carries its figure, so the SVG spans several blocks.
        using var chart = await client.GetAsync("/v1/projects/helium/token-prices?format=svg&from=1960-01-02&to=1962-09-28");
        Assert.Equal(HttpStatusCode.OK, chart.StatusCode);
        var length = (await chart.Content.ReadAsByteArrayAsync()).Length;
        var points = (length + BytesPerPoint - 1) / BytesPerPoint;
        Assert.True(points > 1, $"the chart is only {length} bytes");
        Assert.Equal((before - points).ToString(CultureInfo.InvariantCulture), Remaining(chart));
    }

    private static string Remaining(HttpResponseMessage response) =>
        response.Headers.TryGetValues("RateLimit-Remaining", out var values) ? string.Join(",", values) : "(missing)";
}
