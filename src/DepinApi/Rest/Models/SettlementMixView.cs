using DepinApi.Rest.Infrastructure;

namespace DepinApi.Rest.Models;

/// <summary>How a project's fees settle on a date: shares 0..1 of stablecoin and native token, or only a label.</summary>
public sealed record SettlementMixView(
    string Id, string Project, DateOnly Date, decimal? StablecoinShare, decimal? NativeShare, string? Label,
    string Basis, string? Qualifier, SourceView Source, string Quote, string Permalink, string Citation)
{
    public static CsvColumns<SettlementMixView> Columns() => new CsvColumns<SettlementMixView>()
        .Add("id", f => f.Id).Add("project", f => f.Project).Add("date", f => f.Date)
        .Add("stablecoinShare", f => f.StablecoinShare).Add("nativeShare", f => f.NativeShare).Add("label", f => f.Label)
        .Add("basis", f => f.Basis).Add("qualifier", f => f.Qualifier)
        .AddNested("source", f => f.Source, SourceView.Columns())
        .Add("quote", f => f.Quote).Add("permalink", f => f.Permalink).Add("citation", f => f.Citation);
}
