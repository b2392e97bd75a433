using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DepinApi.Tests.Infrastructure;

namespace DepinApi.Tests.Rest.Buffering;

/// <summary>
/// A REST response the API builds costs one point per started Rest:BytesPerPoint bytes, charged before it is sent;
/// from a balance above zero it is charged in full, into debt if need be, and the client then waits for the refill.
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
            ["RateLimiting:Anonymous:BurstPoints"] = pointsPerWindow.ToString(CultureInfo.InvariantCulture),
            // A day's window: nothing measurable refills while a test runs.
            ["RateLimiting:WindowSeconds"] = "86400",
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
        Assert.Equal(points.ToString(CultureInfo.InvariantCulture), string.Join(",", large.Headers.GetValues("RateLimit-Cost")));
    }

    [Fact]
    public async Task A_graphql_ide_script_is_charged_by_its_bytes_unless_the_client_has_it()
    {
        await using var factory = await StartAsync(pointsPerWindow: 1_000);
        using var client = factory.CreateClient();
        using var pageRequest = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        pageRequest.Headers.Accept.ParseAdd("text/html");
        using var page = await client.SendAsync(pageRequest);
        var script = System.Text.RegularExpressions.Regex.Match(await page.Content.ReadAsStringAsync(), "src=\"(/graphql/ide/[^\"]+\\.js)\"").Groups[1].Value;

        await AssertChargedBySizeUnlessRevalidatedAsync(client, script, "identity");
    }

    [Fact]
    public async Task A_swagger_ui_file_is_charged_by_its_bytes_unless_the_client_has_it()
    {
        await using var factory = await StartAsync(pointsPerWindow: 1_000);
        using var client = factory.CreateClient();

        // Kept with its compressed forms, a file is sent gzipped to a client that takes gzip alone.
        await AssertChargedBySizeUnlessRevalidatedAsync(client, "/docs/swagger-ui-bundle.js", "gzip");
    }

    // A file sent whole costs a point per started block of its bytes as sent; asked again with its ETag, a 304 costs 1.
    private static async Task AssertChargedBySizeUnlessRevalidatedAsync(HttpClient client, string url, string encoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptEncoding.ParseAdd(encoding);
        using var file = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal(encoding == "identity" ? "" : encoding, string.Join(",", file.Content.Headers.ContentEncoding));
        var length = (await file.Content.ReadAsByteArrayAsync()).Length;
        var points = (length + BytesPerPoint - 1) / BytesPerPoint;
        Assert.True(points > 4, $"{url} is only {length} bytes");
        Assert.Equal(points.ToString(CultureInfo.InvariantCulture), string.Join(",", file.Headers.GetValues("RateLimit-Cost")));

        using var revalidation = new HttpRequestMessage(HttpMethod.Get, url);
        revalidation.Headers.AcceptEncoding.ParseAdd(encoding);
        revalidation.Headers.IfNoneMatch.Add(file.Headers.ETag!);
        using var notModified = await client.SendAsync(revalidation);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal("1", string.Join(",", notModified.Headers.GetValues("RateLimit-Cost")));
    }

    [Theory]
    [InlineData("/openapi/v1.json")]
    [InlineData("/openapi/3.0/v1.json")]
    public async Task An_OpenAPI_document_is_charged_by_its_size_rendered_or_sent_from_memory(string url)
    {
        await using var factory = await StartAsync(pointsPerWindow: 1_000);
        using var client = factory.CreateClient();

        using var rendered = await client.GetAsync(url);
        var length = (await rendered.Content.ReadAsByteArrayAsync()).Length;
        var points = (length + BytesPerPoint - 1) / BytesPerPoint;
        Assert.True(points > 4, $"the document is only {length} bytes");
        Assert.Equal(points.ToString(CultureInfo.InvariantCulture), string.Join(",", rendered.Headers.GetValues("RateLimit-Cost")));

        // Sent from memory (OpenApi/PublishedDocumentTests), it costs its bytes as when it was rendered.
        using var again = await client.GetAsync(url);
        Assert.Equal(length, (await again.Content.ReadAsByteArrayAsync()).Length);
        Assert.Equal(points.ToString(CultureInfo.InvariantCulture), string.Join(",", again.Headers.GetValues("RateLimit-Cost")));
        // The document takes no query parameters: one is refused, not a new entry to build.
        using var withQuery = await client.GetAsync(url + "?v=" + Guid.NewGuid().ToString("N"));
        Assert.Equal(HttpStatusCode.BadRequest, withQuery.StatusCode);
        Assert.Equal("v", (await withQuery.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("parameter").GetString());
        Assert.Equal("1", string.Join(",", withQuery.Headers.GetValues("RateLimit-Cost")));
    }

    [Fact]
    public async Task A_response_dearer_than_the_whole_budget_is_sent_into_debt_and_the_next_request_waits()
    {
        await using var factory = await StartAsync(pointsPerWindow: 4);
        using var client = factory.CreateClient();

        using var large = await client.GetAsync(WholeSeries);

        Assert.Equal(HttpStatusCode.OK, large.StatusCode);
        var points = ((await large.Content.ReadAsByteArrayAsync()).Length + BytesPerPoint - 1) / BytesPerPoint;
        Assert.True(points > 4, $"the synthetic series' CSV costs only {points} points");
        Assert.Equal("0", Remaining(large));

        using var next = await client.GetAsync("/v1/projects/helium");
        Assert.Equal(HttpStatusCode.TooManyRequests, next.StatusCode);
        var problem = await next.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("/problems/rate-limited", problem.GetProperty("type").GetString());
        // The debt (points - 4) refills at 4 points a day: the balance is above zero again in about that many days' quarters.
        var debtSeconds = (points - 4) * 86400.0 / 4;
        Assert.InRange(next.Headers.RetryAfter!.Delta!.Value.TotalSeconds, debtSeconds - 60, debtSeconds + 60);
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
