using DepinApi.Rest.Infrastructure;
using DepinApi.Rest.Screening;
using DepinApi.SectorAnalytics;

namespace DepinApi.Rest.Sectors;

/// <summary>
/// The CSV forms of sector analytics, one table per <c>part</c>: revenue shares (one row per quarter,
/// metric and project, the quarter's totals repeated), implied year-earlier prices, or revenue multiples.
/// </summary>
public static class SectorAnalyticsCsv
{
    public const string Revenue = "revenue";
    public const string ImpliedPrices = "implied-prices";
    public const string Multiples = "multiples";
    public static readonly IReadOnlyList<string> Parts = [Revenue, ImpliedPrices, Multiples];

    public sealed record ShareRow(RevenueConcentration Quarter, ProjectShare Share);

    public static IEnumerable<ShareRow> ShareRows(SectorAnalyticsReport report) =>
        report.Revenue.SelectMany(q => q.Projects.Select(p => new ShareRow(q, p)));

    public static CsvColumns<ShareRow> ShareColumns() => new CsvColumns<ShareRow>()
        .Add("quarter", r => r.Quarter.Quarter).Add("metric", r => r.Quarter.Metric)
        .Add("totalUsd", r => r.Quarter.TotalUsd).Add("projectCount", r => r.Quarter.ProjectCount)
        .Add("top3Share", r => r.Quarter.Top3Share).Add("hhi", r => r.Quarter.Hhi)
        .Add("statedTotal.value", r => r.Quarter.StatedTotal?.Value).Add("statedTotal.qualifier", r => r.Quarter.StatedTotal?.Qualifier)
        .Add("statedTotal.figureId", r => r.Quarter.StatedTotal?.FigureId)
        .Add("listedMinusStatedUsd", r => r.Quarter.ListedMinusStatedUsd)
        .Add("statedTop3Share.value", r => r.Quarter.StatedTop3Share?.Value)
        .Add("statedTop3Share.qualifier", r => r.Quarter.StatedTop3Share?.Qualifier)
        .Add("project", r => r.Share.Project).Add("amountUsd", r => r.Share.AmountUsd).Add("share", r => r.Share.Share)
        .Add("figureId", r => r.Share.FigureId).Add("basis", r => r.Share.Basis).Add("qualifier", r => r.Share.Qualifier)
        .Add("source.id", r => r.Share.Source.Id).Add("quote", r => r.Share.Quote);

    public static CsvColumns<ImpliedYearEarlierPrice> PriceColumns() => new CsvColumns<ImpliedYearEarlierPrice>()
        .Add("project", p => p.Project).Add("tokenSymbol", p => p.TokenSymbol).Add("date", p => p.Date)
        .Add("priceUsd", p => p.PriceUsd).Add("change1y", p => p.Change1y).Add("impliedPriceUsd", p => p.ImpliedPriceUsd)
        .Add("arithmetic", p => p.Arithmetic).Add("figureId", p => p.FigureId).Add("source.id", p => p.Source.Id)
        .Add("quote", p => p.Quote);

    public static CsvColumns<SectorRevenueMultiple> MultipleColumns() => new CsvColumns<SectorRevenueMultiple>()
        .Add("scope", m => m.Scope).Add("period", m => m.Period).Add("marketCapUsd", m => m.MarketCapUsd)
        .Add("revenueUsd", m => m.RevenueUsd).Add("revenueMetric", m => m.RevenueMetric).Add("multiple", m => m.Multiple)
        .Add("arithmetic", m => m.Arithmetic).Add("marketCap.figureId", m => m.MarketCap.FigureId)
        .Add("revenue.figureId", m => m.Revenue.FigureId);
}
