using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using DepinApi.Tests.Infrastructure;
using DepinApi.Tests.Rest;
using DepinApi.Tests.Rest.Buffering;

namespace DepinApi.Tests.Pages;

/// <summary>
/// A price's page in a long series (a labelled synthetic one, made in the test's own database) lists the 120 prices
/// around it, as a page in a short series would: the series is read up to there and only those rows are worded.
/// </summary>
public sealed partial class LongSeriesFigurePageTests : IAsyncLifetime
{
    private const int Shown = 120;
    private ApiFactory factory = null!;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        factory = new ApiFactory(connectionString, new Dictionary<string, string?>(RestApiFixture.Settings)
        {
            ["Database:ImportSeedWhenEmpty"] = "true",
            ["Database:SeedDirectory"] = RepositoryPaths.SeedData,
        });
        _ = factory.Services;
        await SyntheticSeries.AddAsync(connectionString, "helium", 1_000);
        client = factory.CreateClient();
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await factory.DisposeAsync();
    }

    [Fact]
    public async Task A_price_page_lists_the_prices_around_it_whether_it_is_near_the_start_the_middle_or_the_end()
    {
        var series = await WholeSeriesAsync();
        Assert.True(series.Count > 1_000);

        foreach (var position in new[] { 0, 30, 500, series.Count - 40, series.Count - 1 })
        {
            var id = series[position];
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/token-prices/{id}");
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
            using var response = await client.SendAsync(request);
            var html = await response.Content.ReadAsStringAsync();

            var start = Math.Clamp(position - Shown / 2, 0, series.Count - Shown);
            var listed = PriceLink().Matches(html).Select(m => m.Groups["id"].Value).Where(series.Contains).Distinct().ToList();
            Assert.Equal(series.GetRange(start, Shown), listed.OrderBy(series.IndexOf).ToList());
        }
    }

    private async Task<List<string>> WholeSeriesAsync()
    {
        var ids = new List<string>();
        string? next = "/v1/projects/helium/token-prices?limit=500";
        while (next is not null)
        {
            var body = await client.GetJsonAsync(next);
            ids.AddRange(body.GetProperty("data").EnumerateArray().Select(p => p.GetProperty("id").GetString()!));
            next = body.GetProperty("page").TryGetProperty("next", out var link) && link.ValueKind == JsonValueKind.String
                ? new Uri(link.GetString()!, UriKind.RelativeOrAbsolute) is { IsAbsoluteUri: true } absolute ? absolute.PathAndQuery : link.GetString()
                : null;
        }
        return ids;
    }

    [GeneratedRegex(@"/v1/token-prices/(?<id>[a-z0-9-]+)\?asOf=")]
    private static partial Regex PriceLink();
}
