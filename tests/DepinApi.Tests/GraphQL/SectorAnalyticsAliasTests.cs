using DepinApi.SectorAnalytics;
using Microsoft.Extensions.DependencyInjection;

namespace DepinApi.Tests.GraphQL;

/// <summary>Aliases of one sectorAnalytics question are computed once, in one request and across requests.</summary>
public sealed class SectorAnalyticsAliasTests(GraphQLApiFixture api) : IClassFixture<GraphQLApiFixture>
{
    private static string Aliased(string tag, string arguments) => "{ " + string.Concat(Enumerable.Range(0, 30).Select(i =>
        $"{tag}{i}: sectorAnalytics{arguments} {{ revenue {{ quarter metric totalUsd }} impliedPrices {{ project impliedPriceUsd }} }} ")) + "}";

    [Fact]
    public async Task Thirty_aliases_compute_once()
    {
        var service = api.Factory.Services.GetRequiredService<SectorAnalyticsService>();
        var before = service.Computations;

        var data = await api.Client.DataAsync(Aliased("a", "(sector: STORAGE, quarter: \"2026Q2\")"));

        Assert.Equal(before + 1, service.Computations);
        var answers = data.EnumerateObject().Select(p => p.Value.GetRawText()).Distinct().ToList();
        Assert.Single(answers);
        Assert.Contains("filecoin", answers[0], StringComparison.Ordinal);

        // The same question in another request, under other names: no computation at all.
        await api.Client.DataAsync(Aliased("b", "(sector: STORAGE, quarter: \"2026Q2\")"));
        Assert.Equal(before + 1, service.Computations);
    }
}
