using DepinApi.Charts;
using DepinApi.ReadModel;

namespace DepinApi.Tests.Charts;

/// <summary>A preview card words its figure as the figure's citation does: the qualifier, the range, a fall, and an undated figure as reported.</summary>
public class FigureCardWordingTests
{
    private static readonly Source BlockEden = new("blockeden-early-2026", "BlockEden.xyz", "A title", null, "early 2026", "press", null);

    [Theory]
    [InlineData("gpu_containers", "440000", null, "count", "over", "2026", "more than 440,000", "as reported in early 2026 · disclosed")]
    [InlineData("ai_inference_share_of_jobs", "0.35", "0.40", "fraction", "range", "2026", "35-40%", "as reported in early 2026 · disclosed")]
    [InlineData("circulating_supply_change_target", "-0.50", null, "fraction", null, "2026Q2", "down 50%", "Q2 2026 · disclosed")]
    public void A_metric_card_says_what_its_citation_says(string metric, string value, string? max, string unit, string? qualifier,
        string period, string number, string when)
    {
        var quote = "more than 1.5 billion compute hours through 440,000+ GPU containers, 35-40% of total job volume, to reduce circulating supply by 50%";
        var figure = new NetworkMetric("x", "aethir", period, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), metric,
            decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture),
            max is null ? null : decimal.Parse(max, System.Globalization.CultureInfo.InvariantCulture), unit, "disclosed", qualifier, BlockEden, quote);

        var card = FigureCards.NetworkMetric(figure, "Aethir", "footer");

        Assert.Equal(number, card.Number);
        Assert.Equal(when, card.Period);
    }

    [Fact]
    public void A_sector_card_keeps_a_multiple_as_the_source_writes_it()
    {
        var figure = new SectorFigure("x", "depin_compute", "2026", new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31),
            "emissions_to_revenue_multiple", 10m, null, "fraction", "estimate", "over", BlockEden, "exceed revenue by 10x or more.");

        var card = FigureCards.SectorFigure(figure, "footer");

        Assert.Equal("10x or more", card.Number);
        Assert.Equal("as reported in early 2026 · estimate", card.Period);
    }
}
