using DepinApi.ReadModel;
using DepinApi.Rest.Citations;

namespace DepinApi.Tests.Rest;

/// <summary>
/// A token price's citation is written in place (one buffer, no string per part); its figure page reads the same
/// figure through <see cref="Citation.TokenPriceStatement"/>. Both must say the same thing, qualifiers and scales included.
/// </summary>
public class TokenPriceCitationTests
{
    private static readonly Source Gate = new("gate-2026", "Gate", "Helium and Akash revenue", new DateOnly(2026, 6, 1), "as of June 1, 2026",
        "third_party_analysis", "https://example.org/a");

    private static TokenPrice Price(decimal? price, decimal? change30d = null, decimal? change90d = null, decimal? change1y = null,
        string? qualifier = null, string quote = "a quote") =>
        new("akash-2026-06-01-price", "akash", "AKT", new DateOnly(2026, 6, 1), price, change30d, change90d, change1y, qualifier, Gate, quote);

    [Theory]
    [InlineData(0.7529, null, null, -0.4202, null, "a quote", "$0.7529; down 42.02% over one year")]
    [InlineData(1500000000.0, null, null, null, "about", "a quote", "about $1.5 billion")]
    [InlineData(-2.5, 0.3171, 1.2082, null, null, "a quote", "-$2.5; up 31.71% over 30 days; up 120.82% over 90 days")]
    [InlineData(null, null, 1.2, null, "over", "up more than 120%", "up more than 120% over 90 days")]
    [InlineData(null, -0.9, null, null, "over", "falling more than 90%", "down more than 90% over 30 days")]
    [InlineData(12.5, null, null, null, "up_to", "a quote", "up to $12.5")]
    [InlineData(1234.5, null, null, null, "range", "a quote", "$1,234.5")]
    public void The_citation_states_the_value_the_figure_page_states(double? price, double? change30d, double? change90d, double? change1y,
        string? qualifier, string quote, string expectedValue)
    {
        var f = Price((decimal?)price, (decimal?)change30d, (decimal?)change90d, (decimal?)change1y, qualifier, quote);

        var statement = Citation.TokenPriceStatement(f, "Akash Network");
        var citation = Citation.TokenPrice(f, "Akash Network", "/v1/token-prices/akash-2026-06-01-price?asOf=2");

        Assert.Equal(expectedValue, statement.Value);
        Assert.Equal("Akash Network (AKT) token price", statement.Subject);
        Assert.Equal($"Akash Network (AKT) token price, as of June 1, 2026: {expectedValue} (disclosed). "
            + "Source: Gate, “Helium and Akash revenue”, as of June 1, 2026. /v1/token-prices/akash-2026-06-01-price?asOf=2", citation);
        Assert.StartsWith(statement.Claim + " (disclosed). ", citation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_citation_longer_than_its_first_buffer_is_whole()
    {
        var longName = new string('N', 700);
        var citation = Citation.TokenPrice(Price(1m), longName, "/p");

        Assert.StartsWith(longName + " (AKT) token price, as of June 1, 2026: $1 (disclosed). Source: Gate", citation, StringComparison.Ordinal);
        Assert.EndsWith(" /p", citation, StringComparison.Ordinal);
    }
}
