using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using DepinApi.Tests.Rest;

namespace DepinApi.Tests.Pages;

/// <summary>
/// Every kind of figure page: the GraphQL query it offers runs without errors and returns the figure, and the page
/// marks the number in the source's sentence.
/// </summary>
public sealed partial class FigurePageGraphQLTests(RestApiFixture api) : IClassFixture<RestApiFixture>
{
    public static TheoryData<string> Permalinks => new()
    {
        "/v1/revenue/aethir-2025q2-quarterly-revenue",
        "/v1/token-prices/helium-2026-06-01-price",
        "/v1/settlement-mix/helium-2026-06-01-settlement-mix",
        "/v1/metrics/aethir-2026-active-compute-clients",
        "/v1/sector-figures/depin-2026q2-annualized-external-revenue",
    };

    [Theory]
    [MemberData(nameof(Permalinks))]
    public async Task The_graphql_query_of_a_figure_page_fetches_the_figure(string permalink)
    {
        var id = permalink[(permalink.LastIndexOf('/') + 1)..];
        using var request = new HttpRequestMessage(HttpMethod.Get, permalink);
        request.Headers.TryAddWithoutValidation("Accept", PageNegotiationTests.BrowserAccept);
        using var page = await api.Client.SendAsync(request);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var query = WebUtility.HtmlDecode(QueryBlock().Match(html).Groups[1].Value);
        Assert.Contains(id, html);
        Assert.Matches("<mark>[^<]+</mark>", html);

        using var response = await api.Client.PostAsJsonAsync("/graphql", new { query });
        var body = await response.Content.ReadAsStringAsync();
        using var result = JsonDocument.Parse(body);

        Assert.False(result.RootElement.TryGetProperty("errors", out _), $"{query}\n→ {body}");
        Assert.Contains($"\"id\":\"{id}\"", body.Replace(" ", "", StringComparison.Ordinal));
    }

    [GeneratedRegex("<code id=\"graphql-query\"[^>]*>([^<]*)</code>")]
    private static partial Regex QueryBlock();
}
