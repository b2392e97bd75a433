using System.Net;
using System.Text.Json;
using DepinApi.Tests.Rest;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DepinApi.Tests.Charts;

/// <summary>
/// A chart the query cannot draw (several metrics, a page asked for, more values than one chart draws) chosen by the
/// Accept header alone: negotiation falls back to the representation the header takes next, and a client that accepts
/// images only gets a 406 listing what can be had; <c>format=</c> and <c>mark</c> still get the 400 naming the parameter.
/// </summary>
public class ChartNegotiationTests(RestApiFixture api) : IClassFixture<RestApiFixture>
{
    public static TheoryData<string, string> Undrawable => new()
    {
        { "/v1/projects/aethir/revenue", "metric" },
        { "/v1/projects/aethir/metrics", "metric" },
        { "/v1/sectors/analytics", "metric" },
        { "/v1/projects/aethir/revenue?metric=quarterly_revenue&limit=1", "limit" },
        { "/v1/projects/helium/token-prices?limit=1", "limit" },
        { "/v1/projects/helium/settlement-mix?limit=1", "limit" },
        { "/v1/projects/aethir/metrics?metric=quarterly_revenue_growth&limit=1", "limit" },
    };

    [Theory]
    [MemberData(nameof(Undrawable))]
    public async Task Accept_falls_back_to_json_when_it_also_takes_any_type(string url, string _)
    {
        using var json = await api.Client.GetAsync(url);
        using var fallback = await GetAsync(api.Client, url, "image/svg+xml, image/png, */*;q=0.1");

        Assert.Equal(HttpStatusCode.OK, fallback.StatusCode);
        Assert.Equal("application/json", fallback.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Accept", fallback.Headers.Vary);
        Assert.Equal(await json.Content.ReadAsStringAsync(), await fallback.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(Undrawable))]
    public async Task Accept_falls_back_to_the_next_type_it_takes(string url, string _)
    {
        using var fallback = await GetAsync(api.Client, url, "image/png, text/csv;q=0.5");

        Assert.Equal(HttpStatusCode.OK, fallback.StatusCode);
        Assert.Equal("text/csv", fallback.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [MemberData(nameof(Undrawable))]
    public async Task Accept_of_images_only_is_a_406_listing_what_can_be_had(string url, string parameter)
    {
        foreach (var accept in new[] { "image/svg+xml", "image/*" })
        {
            using var refused = await GetAsync(api.Client, url, accept);

            Assert.Equal(HttpStatusCode.NotAcceptable, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal("/problems/not-acceptable", problem.GetProperty("type").GetString());
            Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
            var available = problem.GetProperty("available").EnumerateArray().Select(e => e.GetString()).ToList();
            Assert.Contains("application/json", available);
            Assert.Contains("text/csv", available);
            Assert.DoesNotContain("image/svg+xml", available);
        }
    }

    [Theory]
    [MemberData(nameof(Undrawable))]
    public async Task Format_svg_still_names_the_parameter_with_a_400(string url, string parameter)
    {
        using var refused = await GetAsync(api.Client, AsSvg(url), "*/*");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(parameter, JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task A_mark_asks_for_the_chart_so_its_refusal_stands()
    {
        using var refused = await GetAsync(api.Client, "/v1/projects/aethir/revenue?mark=aethir-2025q2-quarterly-revenue",
            "image/svg+xml, */*;q=0.1");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("metric", JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("parameter").GetString());
    }

    [Theory]
    [InlineData("/v1/projects/helium/token-prices")]
    [InlineData("/v1/projects/helium/settlement-mix")]
    [InlineData("/v1/projects/aethir/revenue?metric=quarterly_revenue")]
    [InlineData("/v1/projects/aethir/metrics?metric=quarterly_revenue_growth")]
    [InlineData("/v1/sectors/analytics?metric=annualized_external_revenue")]
    public async Task A_series_longer_than_one_chart_falls_back_by_accept_too(string url)
    {
        await using var small = api.Factory.WithWebHostBuilder(builder => builder.UseSetting("Rest:MaxChartPoints", "0"));
        using var client = small.CreateClient();

        using var drawnElsewhere = await client.GetAsync(AsSvg(url));
        Assert.Equal(HttpStatusCode.BadRequest, drawnElsewhere.StatusCode);
        using var fallback = await GetAsync(client, url, "image/svg+xml, */*;q=0.1");
        Assert.Equal(HttpStatusCode.OK, fallback.StatusCode);
        Assert.Equal("application/json", fallback.Content.Headers.ContentType?.MediaType);
        using var refused = await GetAsync(client, url, "image/png");
        Assert.Equal(HttpStatusCode.NotAcceptable, refused.StatusCode);
        Assert.Equal("from", JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("parameter").GetString());
    }

    private static string AsSvg(string url) => url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "format=svg";

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string url, string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        return await client.SendAsync(request);
    }
}
