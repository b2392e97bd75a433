using System.Text.Json;
using System.Xml.Linq;
using DepinApi.Tests.Rest;

namespace DepinApi.Tests.Charts;

/// <summary>
/// A chart's words for a value (a point's title, the description, the axis) are its figure's citation's words: the
/// qualifier, the range and the period as the citation states them, and a value the API computed said to be computed.
/// </summary>
public class ChartWordingTests(RestApiFixture api) : IClassFixture<RestApiFixture>
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Theory]
    [InlineData("chg")]
    [InlineData("pch")]
    [InlineData("pc1")]
    public async Task A_value_in_other_units_is_titled_as_computed_and_from_what_never_as_disclosed(string units)
    {
        var url = $"/v1/projects/aethir/revenue?metric=quarterly_revenue&units={units}";
        var citations = (await api.GetJsonAsync(url)).GetProperty("data").EnumerateArray()
            .Where(f => f.GetProperty("value").ValueKind == JsonValueKind.Number)
            .ToDictionary(f => f.GetProperty("quarter").GetString()!, f => f.GetProperty("citation").GetString()!);
        var svg = await api.Client.GetSvgAsync(url + "&format=svg");

        var values = svg.Descendants().Where(e => e.Attribute("data-value") is not null).ToList();
        Assert.Equal(citations.Keys.Order(), values.Select(v => (string)v.Attribute("data-label")!).Order());
        foreach (var value in values)
        {
            var title = value.Element(Svg + "title")!.Value;
            Assert.DoesNotContain("(disclosed)", title);
            Assert.DoesNotContain("(estimate)", title);
            // "Computed by this API (pch): the percent change from the Q1 2025 figure of the same series, 14.736842%."
            var computed = citations[(string)value.Attribute("data-label")!].Split($"Computed by this API ({units}): ")[1].Split(". Source:")[0];
            var (from, number) = (computed[..computed.LastIndexOf(", ", StringComparison.Ordinal)], computed[(computed.LastIndexOf(", ", StringComparison.Ordinal) + 2)..]);
            Assert.EndsWith($": {number} (computed by this API: {from})", title);
        }
        Assert.Contains("computed by this API", svg.Root!.Element(Svg + "desc")!.Value);
    }

    [Fact]
    public async Task The_pch_chart_of_the_trial_says_which_quarters_it_compares()
    {
        var svg = await api.Client.GetSvgAsync("/v1/projects/aethir/revenue?metric=quarterly_revenue&units=pch&format=svg");
        var titles = svg.Descendants(Svg + "title").Select(t => t.Value).ToList();
        Assert.Contains("Q2 2025: 14.736842% (computed by this API: the percent change from the Q1 2025 figure of the same series)", titles);
        Assert.Contains("Units: per cent change, computed by this API. Source: BlockEden.xyz, early 2026.",
            svg.Descendants(Svg + "text").Select(t => t.Value));
    }
    [Theory]
    [InlineData("aethir")]
    [InlineData("render")]
    [InlineData("io-net")]
    [InlineData("akash")]
    [InlineData("helium")]
    public async Task Every_metric_point_is_titled_with_its_citations_period_and_value(string slug)
    {
        var figures = (await api.GetJsonAsync($"/v1/projects/{slug}/metrics?limit=500")).GetProperty("data").EnumerateArray().ToList();
        foreach (var metric in figures.GroupBy(f => f.GetProperty("metric").GetString()!))
        {
            var svg = await api.Client.GetSvgAsync($"/v1/projects/{slug}/metrics?metric={metric.Key}&format=svg");
            var titles = svg.Descendants(Svg + "circle").ToDictionary(c => c.Element(Svg + "title")!.Value, c => Dec(c));
            foreach (var figure in metric)
            {
                // "Aethir GPU containers, as reported in early 2026: more than 440,000 (disclosed). Source: …"
                var citation = figure.GetProperty("citation").GetString()!;
                Assert.Contains(titles, t => citation.Contains(", " + t.Key + ". Source:", StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public async Task A_chart_keeps_the_qualifier_the_range_the_fall_and_the_period_its_citations_give()
    {
        var gpus = await api.Client.GetSvgAsync("/v1/projects/aethir/metrics?metric=gpu_containers&format=svg");
        Assert.Equal("as reported in early 2026: more than 440,000 (disclosed)", gpus.Descendants(Svg + "circle").Single().Element(Svg + "title")!.Value);
        Assert.Contains("First more than 440,000 (as reported in early 2026)", Desc(gpus));
        // The axis does not present the article's year as the figure's date either.
        Assert.Contains("reported early 2026", Texts(gpus));
        Assert.DoesNotContain("2026", Texts(gpus));

        var inference = await api.Client.GetSvgAsync("/v1/projects/render/metrics?metric=ai_inference_share_of_jobs&format=svg");
        Assert.Contains("First 35-40% (as reported in early 2026)", Desc(inference));
        Assert.Contains("maximum 35-40% (as reported in early 2026)", Desc(inference));
        Assert.DoesNotContain("35% ", Desc(inference));

        var helium = await api.Client.GetSvgAsync("/v1/projects/helium/revenue?metric=annualized_external_revenue&format=svg");
        Assert.Contains("First about $520 million (as of Q2 2026)", Desc(helium));

        var supply = await api.Client.GetSvgAsync("/v1/projects/io-net/metrics?metric=circulating_supply_change_target&format=svg");
        Assert.Equal("Q2 2026: down 50% (disclosed)", supply.Descendants(Svg + "circle").Single().Element(Svg + "title")!.Value);
        Assert.Contains("First down 50% (Q2 2026)", Desc(supply));

        var price = await api.Client.GetSvgAsync("/v1/projects/helium/token-prices?format=svg");
        Assert.StartsWith("as of June 1, 2026: $0.7277", price.Descendants(Svg + "circle").Single().Element(Svg + "title")!.Value);
        var mix = await api.Client.GetSvgAsync("/v1/projects/helium/settlement-mix?format=svg");
        Assert.Contains("column. As of June 1, 2026: stablecoins about 70%", Desc(mix));
    }

    [Fact]
    public async Task A_full_year_reads_as_the_full_year_on_the_axis_not_as_its_fourth_quarter()
    {
        var svg = await api.Client.GetSvgAsync("/v1/projects/aethir/revenue?metric=fiscal_year_revenue&format=svg");
        var bar = svg.Descendants(Svg + "rect").Single(r => r.Attribute("data-value") is not null);
        Assert.Equal("full year 2025", (string?)bar.Attribute("data-label"));
        Assert.Contains("full year 2025", Texts(svg));
        Assert.DoesNotContain("2025Q4", svg.ToString());
    }

    private static string Desc(XDocument svg) => svg.Root!.Element(Svg + "desc")!.Value;

    private static List<string> Texts(XDocument svg) => svg.Descendants(Svg + "text").Select(t => t.Value).ToList();

    private static decimal Dec(XElement e) =>
        decimal.Parse(e.Attribute("data-value")!.Value, System.Globalization.CultureInfo.InvariantCulture);
}
