using System.Net;
using System.Text.Json;
using DepinApi.Rest.Models;
using DepinApi.Tests.Infrastructure;

namespace DepinApi.Tests.Rest;

/// <summary>
/// Tried as a journalist would: every revenue, price and settlement figure in seed-data can be
/// fetched at its own permalink, as JSON and as CSV, with its source, quote and citation.
/// </summary>
public class PermalinkTests(RestApiFixture api) : IClassFixture<RestApiFixture>
{
    public static TheoryData<string, string> SeedFigures()
    {
        var data = new TheoryData<string, string>();
        foreach (var (file, path) in new[] { ("revenue.csv", "revenue"), ("token_prices.csv", "token-prices"), ("settlement_mix.csv", "settlement-mix") })
            foreach (var id in File.ReadAllLines(Path.Combine(RepositoryPaths.SeedData, file)).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')[0]))
                data.Add(path, id);
        return data;
    }

    [Theory]
    [MemberData(nameof(SeedFigures))]
    public async Task Every_seed_figure_has_a_permalink_that_serves_it_as_json_and_csv(string kind, string id)
    {
        var figure = (await api.GetJsonAsync($"/v1/{kind}/{id}")).GetProperty("data");
        Assert.Equal(id, figure.GetProperty("id").GetString());
        var quote = figure.GetProperty("quote").GetString()!;
        Assert.False(string.IsNullOrWhiteSpace(quote));
        Assert.False(string.IsNullOrWhiteSpace(figure.GetProperty("source").GetProperty("publisher").GetString()));
        var citation = figure.GetProperty("citation").GetString()!;
        Assert.Contains("Source: ", citation);

        // The permalink pins the data version, so it shows this figure forever.
        var permalink = new Uri(figure.GetProperty("permalink").GetString()!);
        Assert.Equal($"/v1/{kind}/{id}", permalink.AbsolutePath);
        Assert.Equal("?asOf=1", permalink.Query);
        Assert.EndsWith(permalink.ToString(), citation);
        var pinned = (await api.GetJsonAsync(permalink.PathAndQuery)).GetProperty("data");
        Assert.Equal(figure.GetRawText(), pinned.GetRawText());

        using var csv = await api.Client.GetAsync(permalink.PathAndQuery + "&format=csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.Contains(id, text);
        Assert.Contains(quote.Contains('"') || quote.Contains(',') ? "\"" + quote.Replace("\"", "\"\"") + "\"" : quote, text);
    }

    [Fact]
    public async Task The_citation_reads_as_the_issue_shows()
    {
        var figure = (await api.GetJsonAsync("/v1/revenue/aethir-2025q2-quarterly-revenue")).GetProperty("data");

        Assert.StartsWith("Aethir revenue, Q2 2025: $32.7 million (disclosed). Source: BlockEden.xyz, “DePIN's Revenue Reckoning:",
            figure.GetProperty("citation").GetString());
    }

    [Theory]
    [InlineData("/v1/revenue/akash-2025q3-annualized-run-rate", "Akash Network annualized run rate, as of Q3 2025: about $4.2 million (disclosed).")]
    [InlineData("/v1/revenue/akash-2025q3-lease-income", "Akash Network lease income, Q3 2025: $851,700 (disclosed).")]
    [InlineData("/v1/settlement-mix/helium-2026-06-01-settlement-mix", "Helium settlement mix, as of June 1, 2026: about 70% of fees settled in stablecoins (estimate).")]
    [InlineData("/v1/settlement-mix/filecoin-2026-06-01-settlement-mix", "Filecoin settlement mix, as of June 1, 2026: fees mainly settled in the native token (estimate).")]
    [InlineData("/v1/token-prices/helium-2026-06-01-price", "Helium (HNT) token price, as of June 1, 2026: $0.7277; down 78.55% over one year (disclosed).")]
    [InlineData("/v1/metrics/aethir-2026-active-compute-clients", "Aethir active compute clients, as reported in early 2026: over 150 (disclosed).")]
    [InlineData("/v1/sector-figures/depin-2026q2-annualized-external-revenue", "DePIN annualized external revenue, as of Q2 2026: over $800 million (estimate).")]
    public async Task Citations_state_the_figure_as_prose_does(string url, string start)
    {
        var figure = (await api.GetJsonAsync(url)).GetProperty("data");

        Assert.StartsWith(start, figure.GetProperty("citation").GetString());
    }

    [Fact]
    public async Task The_OpenAPI_documents_examples_are_figures_as_the_API_serves_them()
    {
        var revenue = RevenueFigureView.Example;
        var price = TokenPriceView.Example;
        var mix = SettlementMixView.Example;
        var metric = NetworkMetricView.Example;
        var sector = SectorFigureView.Example;
        var examples = new[]
        {
            ("revenue", revenue.Id, revenue.Quote, revenue.Citation, revenue.Permalink),
            ("token-prices", price.Id, price.Quote, price.Citation.ToString(), price.Permalink.ToString()),
            ("settlement-mix", mix.Id, mix.Quote, mix.Citation, mix.Permalink),
            ("metrics", metric.Id, metric.Quote, metric.Citation, metric.Permalink),
            ("sector-figures", sector.Id, sector.Quote, sector.Citation, sector.Permalink),
        };
        foreach (var (kind, id, quote, citation, permalink) in examples)
        {
            var served = (await api.GetJsonAsync($"/v1/{kind}/{id}")).GetProperty("data");

            Assert.Equal(served.GetProperty("quote").GetString(), quote);
            // The example's permalink names the documented host; the citation before it is the served one.
            var servedCitation = served.GetProperty("citation").GetString()!;
            Assert.Equal(servedCitation[..^served.GetProperty("permalink").GetString()!.Length], citation[..^permalink.Length]);
        }
    }

    [Fact]
    public async Task Every_figure_a_source_is_cited_for_is_listed_with_it()
    {
        var body = (await api.GetJsonAsync("/v1/sources/gate-2026-06-01")).GetProperty("data");
        var figures = body.GetProperty("figures");

        var revenueIds = File.ReadAllLines(Path.Combine(RepositoryPaths.SeedData, "revenue.csv")).Skip(1)
            .Where(l => l.Contains(",gate-2026-06-01,", StringComparison.Ordinal)).Select(l => l.Split(',')[0]).Order().ToList();
        Assert.Equal(revenueIds, figures.GetProperty("revenue").EnumerateArray().Select(f => f.GetProperty("id").GetString()!).Order().ToList());
        Assert.Equal(4, figures.GetProperty("settlementMix").GetArrayLength());
        Assert.True(body.GetProperty("tokenPricesComplete").GetBoolean());
    }
}
