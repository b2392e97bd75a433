using System.Xml.Linq;
using DepinApi.Charts;

namespace DepinApi.Tests.Charts;

/// <summary>The renderers on their own: same data, same bytes; text and structure that make a chart readable.</summary>
public class ChartRenderingTests
{
    private static ChartSpec Prices() => ChartSpec.Line("Helium (HNT) token price", ChartUnit.Usd.Named("US dollars per HNT"),
        ["Gate, as of June 1, 2026"], "DePIN API, data version 3",
        Enumerable.Range(0, 40).Select(i =>
        {
            var day = new DateOnly(2026, 1, 1).AddDays(i * 3);
            var value = 0.5m + i * 0.0125m;
            return new ChartPoint(day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), $"day {i}", value, $"{value}", day);
        }).ToList());

    [Fact]
    public void Svg_and_png_are_byte_identical_for_the_same_data()
    {
        Assert.Equal(SvgChartWriter.Write(ChartLayout.Lay(Prices())), SvgChartWriter.Write(ChartLayout.Lay(Prices())));
        Assert.Equal(PngChartPainter.Paint(ChartLayout.Lay(Prices())), PngChartPainter.Paint(ChartLayout.Lay(Prices())));
    }

    [Fact]
    public void Different_data_draws_different_bytes()
    {
        var changed = Prices() with { Points = [.. Prices().Points.Take(39), Prices().Points[39] with { Value = 9m }] };
        Assert.NotEqual(SvgChartWriter.Write(ChartLayout.Lay(Prices())), SvgChartWriter.Write(ChartLayout.Lay(changed)));
        Assert.NotEqual(PngChartPainter.Paint(ChartLayout.Lay(Prices())), PngChartPainter.Paint(ChartLayout.Lay(changed)));
    }

    [Fact]
    public void The_svg_has_no_style_element_or_attribute_and_no_script()
    {
        var svg = XDocument.Parse(System.Text.Encoding.UTF8.GetString(SvgChartWriter.Write(ChartLayout.Lay(Prices()))));
        var all = svg.Descendants().ToList();
        Assert.DoesNotContain(all, e => e.Name.LocalName is "style" or "script" or "foreignObject");
        Assert.DoesNotContain(all, e => e.Attribute("style") is not null);
        Assert.Equal(40, all.Count(e => e.Name.LocalName == "circle"));
    }

    [Theory]
    [InlineData(0.0, 1.0, 0.0, 1.0)]
    [InlineData(28_500_000.0, 39_900_000.0, 0.0, 40_000_000.0)]
    [InlineData(0.1, 0.3, 0.0, 0.3)]
    [InlineData(-0.5, 0.22, -0.6, 0.4)]
    public void Bar_scales_cover_zero_and_the_values_on_round_steps(double lo, double hi, double min, double max)
    {
        var (scaleMin, scaleMax, step) = ChartLayout.NiceScale([(decimal)lo, (decimal)hi], includeZero: true);
        Assert.Equal((decimal)min, scaleMin);
        Assert.Equal((decimal)max, scaleMax);
        Assert.InRange((scaleMax - scaleMin) / step, 2, 10);
    }

    [Fact]
    public void A_marked_figure_is_the_one_point_drawn_apart()
    {
        var spec = Prices() with { Points = Prices().Points.Select((p, i) => p with { Id = $"f{i}" }).ToList() };
        var svg = XDocument.Parse(System.Text.Encoding.UTF8.GetString(SvgChartWriter.Write(ChartLayout.Lay(SeriesCharts.Marking(spec, "f7")!))));
        var marked = Assert.Single(svg.Descendants(), e => e.Attribute("data-marked") is not null);
        Assert.Equal(spec.Points[7].Label, (string?)marked.Attribute("data-label"));
        Assert.NotEqual(ChartColors.Accent, (string?)marked.Attribute("fill"));
        Assert.Null(SeriesCharts.Marking(spec, "no-such-figure"));
    }

    [Fact]
    public void A_long_text_is_shortened_with_an_ellipsis()
    {
        var text = new TextShape(0, 0, new string('x', 300), 16, MaxWidth: 200);
        Assert.EndsWith("…", text.Text);
        Assert.True(text.Text.Length < 30);
    }
}
