using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using DepinApi.Tests.Rest;

namespace DepinApi.Tests.Charts;

/// <summary>
/// <c>mark</c> singles out one figure of a chart (the figure page's "this point marked"): the marked shape is the one
/// that draws that figure's value, only it, in the marked colour and said in the description; a figure page's chart
/// asks for its own figure so.
/// </summary>
public partial class ChartMarkTests(RestApiFixture api) : IClassFixture<RestApiFixture>
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private const string MarkedColour = "#d55e00";

    [Fact]
    public async Task A_marked_revenue_bar_is_the_figures_quarter_and_value_and_no_other()
    {
        var figure = (await api.GetJsonAsync("/v1/revenue/aethir-2025q2-quarterly-revenue")).GetProperty("data");
        var svg = await SvgAsync("/v1/projects/aethir/revenue?metric=quarterly_revenue&format=svg&mark=aethir-2025q2-quarterly-revenue");

        var marked = Assert.Single(svg.Descendants(Svg + "rect"), r => (string?)r.Attribute("data-marked") == "true");
        Assert.Equal(figure.GetProperty("quarter").GetString(), (string?)marked.Attribute("data-label"));
        Assert.Equal(figure.GetProperty("amountUsd").GetDecimal(), decimal.Parse(marked.Attribute("data-value")!.Value, CultureInfo.InvariantCulture));
        Assert.Equal(MarkedColour, (string?)marked.Attribute("fill"));
        Assert.All(svg.Descendants(Svg + "rect").Where(r => r.Attribute("data-value") is not null && r != marked),
            r => Assert.NotEqual(MarkedColour, (string?)r.Attribute("fill")));
        Assert.Contains("Marked: $32.7 million (Q2 2025).", svg.Root!.Element(Svg + "desc")!.Value);

        var plain = await SvgAsync("/v1/projects/aethir/revenue?metric=quarterly_revenue&format=svg");
        Assert.DoesNotContain(plain.Descendants(), e => e.Attribute("data-marked") is not null);
        Assert.DoesNotContain("Marked:", plain.Root!.Element(Svg + "desc")!.Value);
    }

    [Fact]
    public async Task A_marked_metric_point_is_drawn_larger_at_the_figures_value()
    {
        const string id = "aethir-2025q3-quarterly-revenue-growth";
        var figure = (await api.GetJsonAsync($"/v1/metrics/{id}")).GetProperty("data");
        var svg = await SvgAsync($"/v1/projects/aethir/metrics?metric=quarterly_revenue_growth&format=svg&mark={id}");

        var dots = svg.Descendants(Svg + "circle").ToList();
        var marked = Assert.Single(dots, d => (string?)d.Attribute("data-marked") == "true");
        Assert.Equal(figure.GetProperty("value").GetDecimal(), decimal.Parse(marked.Attribute("data-value")!.Value, CultureInfo.InvariantCulture));
        Assert.Equal(MarkedColour, (string?)marked.Attribute("fill"));
        Assert.All(dots.Where(d => d != marked), d => Assert.True(R(marked) > R(d)));
    }

    [Fact]
    public async Task A_marked_settlement_mix_column_marks_every_segment_of_that_figure()
    {
        const string id = "helium-2026-06-01-settlement-mix";
        var svg = await SvgAsync($"/v1/projects/helium/settlement-mix?format=svg&mark={id}");

        var segments = svg.Descendants(Svg + "rect").Where(r => r.Attribute("data-series") is not null).ToList();
        var marked = segments.Where(r => (string?)r.Attribute("data-marked") == "true").ToList();
        Assert.NotEmpty(marked);
        Assert.All(marked, r => Assert.Equal("2026-06-01", (string?)r.Attribute("data-label")));
        Assert.Equal(segments.Count(r => (string?)r.Attribute("data-label") == "2026-06-01"), marked.Count);
        // The colours say the series, so the column is underlined in the marked colour.
        Assert.Contains(svg.Descendants(Svg + "rect"), r => r.Attribute("data-value") is null && (string?)r.Attribute("fill") == MarkedColour);
    }

    [Theory]
    [InlineData("/v1/projects/aethir/revenue?metric=quarterly_revenue&mark=aethir-2025q2-quarterly-revenue", "no mark without format=svg or png: it marks a figure on the chart")]
    [InlineData("/v1/projects/aethir/revenue?metric=quarterly_revenue&format=csv&mark=aethir-2025q2-quarterly-revenue", "no mark without format=svg or png: it marks a figure on the chart")]
    [InlineData("/v1/projects/aethir/revenue?metric=quarterly_revenue&format=svg&mark=no-such-figure", "the id of a figure this chart draws")]
    [InlineData("/v1/projects/aethir/revenue?metric=annualized_run_rate&format=svg&mark=aethir-2025q2-quarterly-revenue", "the id of a figure this chart draws")]
    [InlineData("/v1/projects/helium/token-prices?format=png&mark=aethir-2025q2-quarterly-revenue", "the id of a figure this chart draws")]
    public async Task A_mark_the_chart_cannot_draw_is_a_400_naming_mark(string url, string expected)
    {
        using var response = await api.Client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal("mark", problem.GetProperty("parameter").GetString());
        Assert.Equal(expected, problem.GetProperty("expected").GetString());
    }

    [Theory]
    [InlineData("/v1/revenue/aethir-2025q2-quarterly-revenue", "amountUsd")]
    [InlineData("/v1/token-prices/helium-2026-06-01-price", "priceUsd")]
    [InlineData("/v1/metrics/aethir-2025q3-quarterly-revenue-growth", "value")]
    public async Task A_figure_pages_chart_marks_the_pages_figure(string permalink, string valueProperty)
    {
        var figure = (await api.GetJsonAsync(permalink)).GetProperty("data");
        using var request = new HttpRequestMessage(HttpMethod.Get, permalink);
        request.Headers.Accept.ParseAdd("text/html");
        using var page = await api.Client.SendAsync(request);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);

        var src = WebUtility.HtmlDecode(ChartImage().Match(html).Groups[1].Value);
        Assert.Contains("mark=" + figure.GetProperty("id").GetString(), src, StringComparison.Ordinal);
        var svg = await SvgAsync(src);
        var marked = Assert.Single(svg.Descendants(), e => (string?)e.Attribute("data-marked") == "true");
        Assert.Equal(figure.GetProperty(valueProperty).GetDecimal(), decimal.Parse(marked.Attribute("data-value")!.Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex("<figure class=\"chart\">\\s*<img src=\"([^\"]+)\"")]
    private static partial Regex ChartImage();

    private static double R(XElement dot) => double.Parse(dot.Attribute("r")!.Value, CultureInfo.InvariantCulture);

    private Task<XDocument> SvgAsync(string url) => api.Client.GetSvgAsync(url);
}
