using System.Net;
using System.Text.Json.Nodes;
using DepinApi.Tests.Rest;

namespace DepinApi.Tests.Pages;

/// <summary>
/// The OpenAPI document lists text/html as a 200 body exactly where a browser gets a page, so a client generated or
/// read from it knows which permalinks open as pages; charts and preview cards stay listed as images.
/// </summary>
public class PageOpenApiTests(RestApiFixture api) : IClassFixture<RestApiFixture>
{
    /// <summary>Every operation with a page (docs/pages.md), by its path template, and a URL of it in the seed data.</summary>
    public static TheoryData<string, string> Pages { get; } = new()
    {
        { "/v1/revenue/{id}", "/v1/revenue/aethir-2025q2-quarterly-revenue" },
        { "/v1/token-prices/{id}", "/v1/token-prices/helium-2026-06-01-price" },
        { "/v1/settlement-mix/{id}", "/v1/settlement-mix/helium-2026-06-01-settlement-mix" },
        { "/v1/metrics/{id}", "/v1/metrics/aethir-2026-active-compute-clients" },
        { "/v1/sector-figures/{id}", "/v1/sector-figures/depin-2026q2-annualized-external-revenue" },
        { "/v1/projects/{slug}", "/v1/projects/aethir" },
        { "/v1/projects/{slug}/revenue", "/v1/projects/aethir/revenue" },
        { "/v1/projects/{slug}/revenue/{quarter}", "/v1/projects/aethir/revenue/2025Q2" },
        { "/v1/projects/{slug}/token-prices", "/v1/projects/helium/token-prices" },
        { "/v1/revenue", "/v1/revenue?metric=annualized_external_revenue" },
        { "/v1/screening", "/v1/screening" },
        { "/v1/sectors/analytics", "/v1/sectors/analytics" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task A_documented_page_is_served_to_a_browser(string template, string url)
    {
        Assert.Contains("text/html", OkContent(await DocumentAsync(), template));
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        using var response = await api.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Only_operations_with_a_page_list_text_html_and_charts_keep_their_image_types()
    {
        var document = await DocumentAsync();
        var withPages = document["paths"]!.AsObject()
            .Where(p => p.Value!["get"] is not null && OkContent(document, p.Key).Contains("text/html"))
            .Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Pages.Select(row => (string)row[0]).Order(StringComparer.Ordinal).ToList(), withPages);

        Assert.Equal(["application/json", "image/png", "image/svg+xml", "text/csv", "text/html"],
            OkContent(document, "/v1/projects/{slug}/revenue").Order(StringComparer.Ordinal));
        Assert.Equal(["application/json", "image/png", "text/csv", "text/html"],
            OkContent(document, "/v1/revenue/{id}").Order(StringComparer.Ordinal));
        // A series without a page still draws.
        Assert.Equal(["application/json", "image/png", "image/svg+xml", "text/csv"],
            OkContent(document, "/v1/projects/{slug}/settlement-mix").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_page_is_not_a_format_value_and_the_series_document_mark()
    {
        var document = await DocumentAsync();
        var format = ParametersOf(document, "/v1/revenue/{id}").Single(p => (string?)p["name"] == "format");
        Assert.DoesNotContain("html", (string?)format["description"], StringComparison.Ordinal);
        foreach (var series in new[] { "/v1/projects/{slug}/revenue", "/v1/projects/{slug}/token-prices", "/v1/projects/{slug}/metrics", "/v1/projects/{slug}/settlement-mix" })
            Assert.Contains(ParametersOf(document, series), p => (string?)p["name"] == "mark" && (string?)p["in"] == "query");
    }

    private async Task<JsonNode> DocumentAsync() => JsonNode.Parse(await api.Client.GetStringAsync("/openapi/v1.json"))!;

    private static List<string> OkContent(JsonNode document, string path) =>
        document["paths"]![path]!["get"]!["responses"]!["200"]!["content"]!.AsObject().Select(c => c.Key).ToList();

    private static IEnumerable<JsonNode> ParametersOf(JsonNode document, string path) =>
        document["paths"]![path]!["get"]!["parameters"]!.AsArray().Select(p => p!);
}
