using DepinApi.Rest.Citations;
using DepinApi.Rest.Infrastructure;

namespace DepinApi.Rest.Models;

/// <summary>A token's price on a day and/or its change over 30 days, 90 days or a year (fractions: -0.5 is -50%).</summary>
/// <remarks>Its permalink and citation are <see cref="FigureText"/>: a price series runs to tens of thousands of rows.</remarks>
public sealed record TokenPriceView(
    string Id, string Project, string TokenSymbol, DateOnly Date, decimal? PriceUsd, decimal? Change30d, decimal? Change90d,
    decimal? Change1y, string Basis, string? Qualifier, SourceView Source, string Quote, FigureText Permalink, FigureText Citation)
{
    /// <summary>A real figure, for the OpenAPI document.</summary>
    public static TokenPriceView Example => new("helium-2026-06-01-price", "helium", "HNT", new DateOnly(2026, 6, 1), 0.7277m, null, null,
        -0.7855m, "disclosed", null, SettlementMixView.Example.Source,
        "As of June 1, 2026, Helium is priced at $0.7277, down 78.55% over the past year.",
        FigureText.Of("http://127.0.0.1:5080/v1/token-prices/helium-2026-06-01-price?asOf=1"),
        FigureText.Of("Helium (HNT) token price, as of June 1, 2026: $0.7277; down 78.55% over one year (disclosed). Source: Gate, “Helium and Akash revenue continues to grow; why has the DePIN token value capture failed?”, as of June 1, 2026. http://127.0.0.1:5080/v1/token-prices/helium-2026-06-01-price?asOf=1"));

    public static CsvColumns<TokenPriceView> Columns() => new CsvColumns<TokenPriceView>()
        .Add("id", f => f.Id).Add("project", f => f.Project).Add("tokenSymbol", f => f.TokenSymbol).Add("date", f => f.Date)
        .Add("priceUsd", f => f.PriceUsd).Add("change30d", f => f.Change30d).Add("change90d", f => f.Change90d)
        .Add("change1y", f => f.Change1y).Add("basis", f => f.Basis).Add("qualifier", f => f.Qualifier)
        .AddNested("source", f => f.Source, SourceView.Columns())
        .Add("quote", f => f.Quote).Add("permalink", f => f.Permalink).Add("citation", f => f.Citation);
}
