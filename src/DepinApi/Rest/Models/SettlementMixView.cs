using DepinApi.Rest.Infrastructure;

namespace DepinApi.Rest.Models;

/// <summary>
/// How a project's fees settle on a date: shares 0..1 of stablecoin and native token, or only a label. <c>shareOf</c>
/// names what the shares are of (the denominator), as the source states it.
/// </summary>
public sealed record SettlementMixView(
    string Id, string Project, DateOnly Date, decimal? StablecoinShare, decimal? NativeShare, string ShareOf, string? Label,
    string Basis, string? Qualifier, SourceView Source, string Quote, string Permalink, string Citation)
{
    /// <summary>A real figure, for the OpenAPI document.</summary>
    public static SettlementMixView Example => new("helium-2026-06-01-settlement-mix", "helium", new DateOnly(2026, 6, 1), 0.7m, null,
        ShareOfFees, null, "estimate", "about", new SourceView("gate-2026-06-01", "Gate",
            "Helium and Akash revenue continues to grow; why has the DePIN token value capture failed?", new DateOnly(2026, 6, 1),
            "as of June 1, 2026", "press", null),
        "Helium's network settles about 70% of fees in USD stablecoins, Akash's ratio is about 55%, while Hivemapper and Filecoin still mainly settle in native tokens.",
        "http://127.0.0.1:5080/v1/settlement-mix/helium-2026-06-01-settlement-mix?asOf=1",
        "Helium settlement mix, as of June 1, 2026: about 70% of fees settled in stablecoins (estimate). Source: Gate, “Helium and Akash revenue continues to grow; why has the DePIN token value capture failed?”, as of June 1, 2026. http://127.0.0.1:5080/v1/settlement-mix/helium-2026-06-01-settlement-mix?asOf=1");

    /// <summary>The denominator of both shares: every source states them as shares of the project's fees.</summary>
    public const string ShareOfFees = "the project's fees";

    public static CsvColumns<SettlementMixView> Columns() => new CsvColumns<SettlementMixView>()
        .Add("id", f => f.Id).Add("project", f => f.Project).Add("date", f => f.Date)
        .Add("stablecoinShare", f => f.StablecoinShare).Add("nativeShare", f => f.NativeShare)
        .Add("shareOf", f => f.ShareOf).Add("label", f => f.Label)
        .Add("basis", f => f.Basis).Add("qualifier", f => f.Qualifier)
        .AddNested("source", f => f.Source, SourceView.Columns())
        .Add("quote", f => f.Quote).Add("permalink", f => f.Permalink).Add("citation", f => f.Citation);
}
