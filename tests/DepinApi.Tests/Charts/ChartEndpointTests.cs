using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Xml.Linq;
using DepinApi.Tests.Rest;

namespace DepinApi.Tests.Charts;

/// <summary>
/// Every series as a chart: the SVG's plotted shapes map back to the same figures the JSON lists (by their data-*
/// attributes and by their geometry on the plot's scale), the text a reader needs is real text, the format is
/// validated from the one format table, and charts are cached and tagged per representation like JSON and CSV.
/// </summary>
public class ChartEndpointTests(RestApiFixture api) : IClassFixture<RestApiFixture>
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Theory]
    [InlineData("aethir", "fiscal_year_revenue", "full year 2025: ")]
    [InlineData("aethir", "quarterly_revenue", "Q2 2025: ")]
    [InlineData("helium", "annualized_external_revenue", "as of Q2 2026: ")]
    public async Task A_revenue_figure_is_dated_as_its_citation_dates_it_in_the_chart_and_the_page(string slug, string metric, string period)
    {
        // A full year sits in its fourth quarter and an annualized rate is measured in a quarter: "Q4 2025" would read
        // as that quarter's revenue.
        var url = $"/v1/projects/{slug}/revenue?metric={metric}";
        var citations = (await api.GetJsonAsync(url)).GetProperty("data").EnumerateArray().Select(f => f.GetProperty("citation").GetString()!).ToList();
        var svg = await api.Client.GetStringAsync(url + "&format=svg");
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("text/html");
        using var page = await api.Client.SendAsync(request);
        var html = await page.Content.ReadAsStringAsync();

        var wording = period.TrimEnd(':', ' ');
        Assert.Contains(citations, c => c.Contains(", " + wording + ":", StringComparison.Ordinal));
        Assert.Contains("<title>" + period, svg);
        Assert.Contains(">" + wording + "<", html);
    }

    [Fact]
    public async Task Revenue_bars_stand_at_each_quarters_preferred_figure()
    {
        const string url = "/v1/projects/aethir/revenue?metric=quarterly_revenue";
        var json = await api.GetJsonAsync(url);
        var expected = json.GetProperty("data").EnumerateArray()
            .Where(f => f.GetProperty("preferred").GetBoolean())
            .ToDictionary(f => f.GetProperty("quarter").GetString()!, f => f.GetProperty("value").GetDecimal());
        Assert.Equal(3, expected.Count);

        var svg = await SvgAsync(url + "&format=svg");
        var plot = Plot(svg);
        var bars = svg.Descendants(Svg + "rect").Where(r => r.Attribute("data-value") is not null).ToList();
        Assert.Equal(expected, bars.ToDictionary(b => (string)b.Attribute("data-label")!, b => Dec(b, "data-value")));
        foreach (var bar in bars)
        {
            // A bar runs from zero up to its value on the axis' scale.
            Assert.Equal(plot.Bottom, D(bar, "y") + D(bar, "height"), 0.2);
            Assert.Equal((double)Dec(bar, "data-value"), plot.ValueAt(D(bar, "y")), (double)(plot.Max - plot.Min) / 2000);
            Assert.StartsWith(CitationQuarter((string)bar.Attribute("data-label")!) + ": $", bar.Element(Svg + "title")!.Value);
        }
        Assert.Equal("Aethir revenue", svg.Root!.Element(Svg + "title")!.Value);
        var desc = svg.Root.Element(Svg + "desc")!.Value;
        Assert.Contains("3 values. First", desc);
        Assert.DoesNotContain(" from ", desc.Split(". First")[0]);
        Assert.Contains("First $28.5 million (Q1 2025), last $39.9 million (Q3 2025)", desc);
        Assert.Contains("minimum $28.5 million (Q1 2025), maximum $39.9 million (Q3 2025)", desc);
        Assert.Equal("chart-title chart-desc", (string?)svg.Root.Attribute("aria-labelledby"));
        var texts = svg.Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.Contains("Units: US dollars. Source: BlockEden.xyz, early 2026.", texts);
        Assert.Contains("2025Q2", texts);
        Assert.Contains("DePIN API, data version 1", texts);
    }

    [Fact]
    public async Task A_metric_line_puts_each_point_at_its_value_in_date_order()
    {
        const string url = "/v1/projects/aethir/metrics?metric=quarterly_revenue_growth";
        var json = await api.GetJsonAsync(url);
        var expected = json.GetProperty("data").EnumerateArray()
            .Select(f => (Label: f.GetProperty("period").GetString()!, Value: f.GetProperty("value").GetDecimal())).ToList();
        Assert.Equal(2, expected.Count);

        var svg = await SvgAsync(url + "&format=svg");
        var plot = Plot(svg);
        var dots = svg.Descendants(Svg + "circle").ToList();
        Assert.Equal(expected, dots.Select(d => ((string)d.Attribute("data-label")!, Dec(d, "data-value"))).ToList());
        foreach (var dot in dots)
            Assert.Equal((double)Dec(dot, "data-value"), plot.ValueAt(D(dot, "cy")), (double)(plot.Max - plot.Min) / 2000);
        Assert.True(D(dots[0], "cx") < D(dots[1], "cx"));
        var line = svg.Descendants(Svg + "polyline").Single();
        Assert.Equal(string.Join(' ', dots.Select(d => $"{d.Attribute("cx")!.Value},{d.Attribute("cy")!.Value}")), line.Attribute("points")!.Value);
        Assert.Contains(svg.Descendants(Svg + "text"), t => t.Value.StartsWith("Units: per cent. Source: BlockEden.xyz", StringComparison.Ordinal));
        Assert.Contains("First 14.5% (Q2 2025), last 22% (Q3 2025)", svg.Root!.Element(Svg + "desc")!.Value);
    }

    [Fact]
    public async Task Token_prices_draw_the_stated_prices()
    {
        var svg = await SvgAsync("/v1/projects/helium/token-prices?format=svg");
        var dot = svg.Descendants(Svg + "circle").Single();
        Assert.Equal("2026-06-01", (string?)dot.Attribute("data-label"));
        Assert.Equal(0.7277m, Dec(dot, "data-value"));
        Assert.Equal("Helium (HNT) token price", svg.Root!.Element(Svg + "title")!.Value);
        Assert.Contains("Units: US dollars per HNT. Source: Gate, as of June 1, 2026.", svg.Descendants(Svg + "text").Select(t => t.Value));
    }

    [Fact]
    public async Task Settlement_mix_stacks_the_stated_share_and_leaves_the_rest_unattributed()
    {
        var svg = await SvgAsync("/v1/projects/helium/settlement-mix?format=svg");
        var plot = Plot(svg);
        var segments = svg.Descendants(Svg + "rect").Where(r => r.Attribute("data-series") is not null).ToList();
        Assert.Equal([("stablecoins", 0.7m), ("not stated", 0.3m)],
            segments.Select(s => ((string)s.Attribute("data-series")!, Dec(s, "data-value"))).ToList());
        var height = plot.Bottom - plot.Top;
        Assert.Equal(0.7 * height, D(segments[0], "height"), 0.2);
        Assert.Equal(plot.Top, D(segments[1], "y"), 0.2);

        var labelOnly = await SvgAsync("/v1/projects/hivemapper/settlement-mix?format=svg");
        Assert.DoesNotContain(labelOnly.Descendants(Svg + "rect"), r => r.Attribute("data-series") is not null);
        Assert.Contains("mainly native (no share stated)", labelOnly.Descendants(Svg + "text").Select(t => t.Value));
    }

    [Fact]
    public async Task Sector_revenue_shares_are_the_analytics_shares_of_each_quarter()
    {
        const string url = "/v1/sectors/analytics?metric=annualized_external_revenue";
        var json = await api.GetJsonAsync(url);
        var quarter = json.GetProperty("data").GetProperty("revenue").EnumerateArray().Single();
        var expected = quarter.GetProperty("projects").EnumerateArray()
            .ToDictionary(p => p.GetProperty("name").GetString()!, p => p.GetProperty("share").GetDecimal());

        var svg = await SvgAsync(url + "&format=svg");
        var plot = Plot(svg);
        var segments = svg.Descendants(Svg + "rect").Where(r => r.Attribute("data-series") is not null).ToList();
        Assert.Equal(expected, segments.ToDictionary(s => (string)s.Attribute("data-series")!, s => Dec(s, "data-value")));
        Assert.All(segments, s => Assert.Equal(quarter.GetProperty("quarter").GetString(), (string?)s.Attribute("data-label")));
        Assert.All(segments, s => Assert.Equal((double)Dec(s, "data-value") * (plot.Bottom - plot.Top), D(s, "height"), 0.2));
        Assert.Equal(1m, expected.Values.Sum(), 3);
    }

    [Fact]
    public async Task Accept_image_svg_selects_the_chart_with_its_own_tag_and_Vary()
    {
        const string url = "/v1/projects/aethir/revenue?metric=quarterly_revenue";
        using var json = await api.Client.GetAsync(url);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("image/svg+xml"));
        using var svg = await api.Client.SendAsync(request);
        using var byFormat = await api.Client.GetAsync(url + "&format=svg");

        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Accept", svg.Headers.Vary);
        Assert.NotNull(svg.Headers.ETag);
        Assert.NotEqual(json.Headers.ETag, svg.Headers.ETag);
        Assert.NotEqual(byFormat.Headers.ETag, json.Headers.ETag);
        Assert.Equal(await svg.Content.ReadAsByteArrayAsync(), await byFormat.Content.ReadAsByteArrayAsync());

        using var conditional = new HttpRequestMessage(HttpMethod.Get, url + "&format=svg");
        conditional.Headers.IfNoneMatch.Add(byFormat.Headers.ETag!);
        using var notModified = await api.Client.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [Fact]
    public async Task The_same_data_draws_the_same_bytes_from_separate_renders()
    {
        // Differently spelled values are separate output-cache entries, so each is rendered on its own.
        using var first = await api.Client.GetAsync("/v1/projects/aethir/revenue?metric=quarterly_revenue&format=svg");
        using var second = await api.Client.GetAsync("/v1/projects/aethir/revenue?metric=quarterly_revenue&format=SVG");
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await second.Content.ReadAsByteArrayAsync());
        using var png1 = await api.Client.GetAsync("/v1/projects/aethir/revenue?metric=quarterly_revenue&format=png");
        using var png2 = await api.Client.GetAsync("/v1/projects/aethir/revenue?metric=quarterly_revenue&format=PNG");
        Assert.Equal(await png1.Content.ReadAsByteArrayAsync(), await png2.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("/v1/projects/aethir/revenue?metric=quarterly_revenue&format=png")]
    [InlineData("/v1/sectors/analytics?metric=annualized_external_revenue&format=png")]
    [InlineData("/v1/revenue/aethir-2025q2-quarterly-revenue?format=png")]
    [InlineData("/v1/token-prices/helium-2026-06-01-price?format=png")]
    [InlineData("/v1/settlement-mix/helium-2026-06-01-settlement-mix?format=png")]
    [InlineData("/v1/metrics/aethir-2026-active-compute-clients?format=png")]
    [InlineData("/v1/sector-figures/depin-2026q2-annualized-external-revenue?format=png")]
    public async Task Png_is_a_1200_by_630_image(string url)
    {
        using var response = await api.Client.GetAsync(url);
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], body[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(body, 12, 4));
        Assert.Equal(1200, BinaryPrimitives.ReadInt32BigEndian(body.AsSpan(16)));
        Assert.Equal(630, BinaryPrimitives.ReadInt32BigEndian(body.AsSpan(20)));
        Assert.Equal("inline", response.Content.Headers.ContentDisposition?.DispositionType);
    }

    [Theory]
    [InlineData("/v1/projects/aethir/revenue?format=gif", "format", "json, csv, svg or png")]
    [InlineData("/v1/projects?format=svg", "format", "json or csv")]
    [InlineData("/v1/revenue/aethir-2025q2-quarterly-revenue?format=svg", "format", "json, csv or png")]
    [InlineData("/v1/projects/aethir/revenue?format=svg&limit=2", "limit", "a chart draws the whole series")]
    [InlineData("/v1/projects/aethir/revenue?format=svg", "metric", "annualized_run_rate, fiscal_year_revenue, quarterly_revenue")]
    [InlineData("/v1/projects/aethir/metrics?format=png", "metric", "active_compute_clients")]
    public async Task Bad_chart_requests_are_400s_naming_the_parameter(string url, string parameter, string expected)
    {
        using var response = await api.Client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
        Assert.Contains(expected, problem.GetProperty("expected").GetString() + " " + problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AsOf_draws_the_data_of_that_version()
    {
        var svg = await SvgAsync("/v1/projects/aethir/revenue?metric=quarterly_revenue&format=svg&asOf=1");
        Assert.Contains("DePIN API, data version 1", svg.Descendants(Svg + "text").Select(t => t.Value));
        using var missing = await api.Client.GetAsync("/v1/projects/aethir/revenue?metric=quarterly_revenue&format=svg&asOf=99");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private Task<XDocument> SvgAsync(string url) => api.Client.GetSvgAsync(url);

    private sealed record Frame(double Top, double Bottom, decimal Min, decimal Max)
    {
        public double ValueAt(double y) => (double)Min + (Bottom - y) / (Bottom - Top) * (double)(Max - Min);
    }

    private static Frame Plot(XDocument svg)
    {
        var g = svg.Descendants(Svg + "g").Single(e => e.Attribute("data-plot") is not null);
        var box = g.Attribute("data-plot")!.Value.Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        return new Frame(box[1], box[3], Dec(g, "data-y-min"), Dec(g, "data-y-max"));
    }

    private static double D(XElement e, string name) => double.Parse(e.Attribute(name)!.Value, CultureInfo.InvariantCulture);

    private static decimal Dec(XElement e, string name) => decimal.Parse(e.Attribute(name)!.Value, CultureInfo.InvariantCulture);

    private static string CitationQuarter(string quarter) => $"Q{quarter[^1]} {quarter[..4]}";
}
