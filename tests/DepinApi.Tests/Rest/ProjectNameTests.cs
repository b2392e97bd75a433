using System.Net;
using System.Text.Json;

namespace DepinApi.Tests.Rest;

/// <summary>
/// The names people type for a project (token symbol, name, name as a slug, any case) answer 308 to the canonical
/// URL, read from the projects' own rows; an unknown slug's 404 suggests the nearest slugs.
/// </summary>
public class ProjectNameTests(RestApiFixture api) : IClassFixture<RestApiFixture>
{
    [Theory]
    [InlineData("/v1/projects/hnt", "/v1/projects/helium")]
    [InlineData("/v1/projects/HNT", "/v1/projects/helium")]
    [InlineData("/v1/projects/Helium", "/v1/projects/helium")]
    [InlineData("/v1/projects/akash-network/revenue?metric=quarterly_revenue&from=2025Q1", "/v1/projects/akash/revenue?metric=quarterly_revenue&from=2025Q1")]
    [InlineData("/v1/projects/render-network/token-prices", "/v1/projects/render/token-prices")]
    [InlineData("/v1/projects/io.net", "/v1/projects/io-net")]
    [InlineData("/v1/projects/IO.NET/revenue", "/v1/projects/io-net/revenue")]
    [InlineData("/v1/projects/ath/settlement-mix", "/v1/projects/aethir/settlement-mix")]
    public Task A_name_answers_308_to_the_canonical_slug_with_path_tail_and_query(string url, string location) =>
        api.AssertMovedPermanentlyAsync(url, location);

    [Fact]
    public async Task An_unknown_slug_suggests_the_nearest_slugs()
    {
        using var response = await api.Client.GetAsync("/v1/projects/heliun/revenue");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("/problems/project-not-found", problem.GetProperty("type").GetString());
        Assert.Equal("helium", problem.GetProperty("suggestion").GetString());
        Assert.Equal("helium", problem.GetProperty("suggestions")[0].GetString());
    }

    [Fact]
    public async Task A_project_filter_takes_the_same_names_and_refuses_an_unknown_one()
    {
        var prices = await api.GetJsonAsync("/v1/token-prices?project=hnt,Akash-Network");
        Assert.Equal(new[] { "akash", "helium" },
            prices.GetProperty("data").EnumerateArray().Select(p => p.GetProperty("project").GetString()!).Order(StringComparer.Ordinal).ToArray());

        using var response = await api.Client.GetAsync("/v1/settlement-mix?project=heliun");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("project", problem.GetProperty("parameter").GetString());
        Assert.Contains("'helium'", problem.GetProperty("detail").GetString());
    }
}
