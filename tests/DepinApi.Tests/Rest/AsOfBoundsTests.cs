using System.Net;
using System.Text.Json;

namespace DepinApi.Tests.Rest;

/// <summary>
/// asOf at the ends of its range: a day after the newest import serves the newest version (the last
/// day a date can name included), a day before the first is a 404, and a version out of range is a
/// 404 or a 400 naming asOf. Never a 500.
/// </summary>
public class AsOfBoundsTests(RestApiFixture api) : IClassFixture<RestApiFixture>
{
    public static TheoryData<string> EndpointsWithAsOf { get; } = new()
    {
        "/v1/meta", "/v1/changes", "/v1/projects", "/v1/projects/aethir", "/v1/projects/aethir/revenue",
        "/v1/projects/aethir/revenue/2025Q2", "/v1/revenue?metric=quarterly_revenue&quarter=2025Q2",
        "/v1/revenue/aethir-2025q2-quarterly-revenue", "/v1/projects/aethir/metrics",
        "/v1/metrics/aethir-2026-active-compute-clients", "/v1/screening", "/v1/projects/helium/screening",
        "/v1/sector-figures", "/v1/sector-figures/depin-2026q2-annualized-external-revenue", "/v1/sectors",
        "/v1/sectors/analytics", "/v1/settlement-mix", "/v1/projects/helium/settlement-mix",
        "/v1/settlement-mix/helium-2026-06-01-settlement-mix", "/v1/sources", "/v1/sources/gate-2026-06-01",
        "/v1/projects/helium/token-prices", "/v1/token-prices/helium-2026-06-01-price",
    };

    [Theory]
    [MemberData(nameof(EndpointsWithAsOf))]
    public async Task The_last_day_a_date_can_name_serves_the_newest_version(string url)
    {
        var newest = await api.GetJsonAsync(url);
        var farFuture = await api.GetJsonAsync(With(url, "asOf=9999-12-31"));

        Assert.Equal(1, newest.GetProperty("dataVersion").GetProperty("id").GetInt32());
        // The page links differ (a cursor is bound to its query, asOf included); the data does not.
        Assert.Equal(newest.GetProperty("dataVersion").GetRawText(), farFuture.GetProperty("dataVersion").GetRawText());
        Assert.Equal(newest.GetProperty("data").GetRawText(), farFuture.GetProperty("data").GetRawText());
    }

    [Theory]
    [InlineData("9999-12-31", "csv")]
    [InlineData("2147483647", "json")]
    [InlineData("0001-01-01", "json")]
    public async Task Extreme_values_are_answered_without_a_server_error(string asOf, string format)
    {
        using var response = await api.Client.GetAsync($"/v1/projects?asOf={asOf}&format={format}");

        Assert.True((int)response.StatusCode < 500, $"{asOf}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    [Theory]
    [InlineData("0001-01-01", "No data had been imported by the end of 0001-01-01")]
    [InlineData("2147483647", "Data version 2147483647 does not exist; only version 1 does.")]
    public async Task A_point_before_the_first_import_or_past_the_last_version_is_a_404(string asOf, string detail)
    {
        using var response = await api.Client.GetAsync($"/v1/sources?asOf={asOf}");
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("/problems/data-version-not-found", problem.GetProperty("type").GetString());
        Assert.Equal("asOf", problem.GetProperty("parameter").GetString());
        Assert.StartsWith(detail, problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("2147483648")]
    [InlineData("10000-01-01")]
    [InlineData("0000-12-31")]
    public async Task A_version_or_date_outside_the_range_is_a_400_naming_asOf(string asOf)
    {
        using var response = await api.Client.GetAsync($"/v1/sources?asOf={Uri.EscapeDataString(asOf)}");
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("asOf", problem.GetProperty("parameter").GetString());
    }

    private static string With(string url, string query) => url + (url.Contains('?') ? "&" : "?") + query;
}
