using DepinApi.OpenApi;
using DepinApi.ReadModel;
using DepinApi.Rest.Models;
using DepinApi.Rest.Screening;
using DepinApi.SectorAnalytics;

namespace DepinApi.Rest.Sectors;

/// <summary>Sector analytics with the data version and the methodology they were computed under.</summary>
/// <remarks>As CSV (the default part, revenue): one row per project and quarter, with the quarter's totals repeated.</remarks>
[OpenApiCsvExample(
    "quarter,metric,totalUsd,projectCount,top3Share,hhi,statedTotal.value,statedTotal.qualifier,statedTotal.figureId,listedMinusStatedUsd,statedTop3Share.value,statedTop3Share.qualifier,project,amountUsd,share,figureId,basis,qualifier,source.id,quote\r\n" +
    "2026Q2,annualized_external_revenue,820000000,5,0.878049,4399.17,800000000,over,depin-2026q2-annualized-external-revenue,20000000,0.85,over,akash,110000000,0.134146,akash-2026q2-annualized-external-revenue-table,estimate,about,gate-2026-06-01,| Akash Network | Cloud Computing | About $110 million | GPU/CPU leasing fees | 0.7529 | -42.02% |\r\n")]
public sealed record SectorAnalyticsResponse(DataVersionRef DataVersion, MethodologyRef Methodology, SectorAnalyticsReport Data)
{
    private static readonly Source Gate = new("gate-2026-06-01", "Gate",
        "Helium and Akash revenue continues to grow; why has the DePIN token value capture failed?",
        new DateOnly(2026, 6, 1), "as of June 1, 2026", "press", null);

    private static readonly Source BlockEden = new("blockeden-early-2026", "BlockEden.xyz",
        "DePIN's Revenue Reckoning: How Akash, io.net, and Aethir Are Replacing Token Mining with Real Business Cash Flow",
        null, "early 2026", "press", null);

    /// <summary>Computed by the real calculator from a few seed rows.</summary>
    public static SectorAnalyticsResponse Example
    {
        get
        {
            var version = new DepinApi.Database.DataVersionInfo(1, new DateTimeOffset(2026, 6, 2, 0, 0, 0, TimeSpan.Zero));
            var q2 = new Quarter(2026, 2);
            var data = new SectorAnalyticsData(null, "depin",
                [
                    new Project("helium", "Helium", "wireless", "Mobile Network", "HNT", "Solana", null, "Decentralized wireless network."),
                    new Project("akash", "Akash Network", "compute", "Cloud Computing", "AKT", "Akash", null, "Decentralized cloud."),
                ],
                [
                    new RevenueFigure("helium-2026q2-annualized-external-revenue-table", "helium", q2, "annualized_external_revenue",
                        520_000_000m, "estimate", "about", Gate, "| Helium | Mobile Network | About $520 million | 5G data traffic fees | 0.7277 | -78.55% |"),
                    new RevenueFigure("akash-2026q2-annualized-external-revenue-table", "akash", q2, "annualized_external_revenue",
                        110_000_000m, "estimate", "about", Gate, "| Akash Network | Cloud Computing | About $110 million | GPU/CPU leasing fees | 0.7529 | -42.02% |"),
                ],
                [
                    new TokenPrice("helium-2026-06-01-price", "helium", "HNT", new DateOnly(2026, 6, 1), 0.7277m, null, null, -0.7855m, null,
                        Gate, "As of June 1, 2026, Helium is priced at $0.7277, down 78.55% over the past year."),
                ],
                [
                    new SectorFigure("depin-2026q2-annualized-external-revenue", "depin", "2026Q2", q2.Start, q2.End,
                        "annualized_external_revenue", 800_000_000m, null, "usd", "estimate", "over", Gate,
                        "Decentralized Physical Infrastructure Networks (DePIN) have surpassed $800 million in annual external revenue in Q2 2026."),
                    new SectorFigure("depin-2025-circulating-market-cap", "depin", "2025", new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31),
                        "circulating_market_cap", 10_000_000_000m, null, "usd", "estimate", "about", BlockEden,
                        "Across the ecosystem, roughly $10 billion in circulating market cap generated just $72 million in on-chain revenue in fiscal year 2025."),
                    new SectorFigure("depin-2025-onchain-revenue", "depin", "2025", new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31),
                        "onchain_revenue", 72_000_000m, null, "usd", "estimate", null, BlockEden,
                        "Across the ecosystem, roughly $10 billion in circulating market cap generated just $72 million in on-chain revenue in fiscal year 2025."),
                ]);
            return new SectorAnalyticsResponse(new DataVersionRef(1, version.ImportedAt, true), MethodologyRef.Current,
                SectorAnalyticsCalculator.Compute(data, version, null, null));
        }
    }
}
