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
}
