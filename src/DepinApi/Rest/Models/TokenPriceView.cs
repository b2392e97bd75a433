using DepinApi.Rest.Infrastructure;

namespace DepinApi.Rest.Models;

/// <summary>A token's price on a day and/or its change over 30 days, 90 days or a year (fractions: -0.5 is -50%).</summary>
public sealed record TokenPriceView(
    string Id, string Project, string TokenSymbol, DateOnly Date, decimal? PriceUsd, decimal? Change30d, decimal? Change90d,
    decimal? Change1y, string Basis, string? Qualifier, SourceView Source, string Quote, string Permalink, string Citation)
{
    public static CsvColumns<TokenPriceView> Columns() => new CsvColumns<TokenPriceView>()
        .Add("id", f => f.Id).Add("project", f => f.Project).Add("tokenSymbol", f => f.TokenSymbol).Add("date", f => f.Date)
        .Add("priceUsd", f => f.PriceUsd).Add("change30d", f => f.Change30d).Add("change90d", f => f.Change90d)
        .Add("change1y", f => f.Change1y).Add("basis", f => f.Basis).Add("qualifier", f => f.Qualifier)
        .AddNested("source", f => f.Source, SourceView.Columns())
        .Add("quote", f => f.Quote).Add("permalink", f => f.Permalink).Add("citation", f => f.Citation);
}
