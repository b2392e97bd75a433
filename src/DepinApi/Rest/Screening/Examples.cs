using DepinApi.ReadModel;
using DepinApi.Screening;

namespace DepinApi.Rest.Screening;

/// <summary>
/// Response examples for the API description, computed by the real calculators from a few seed
/// rows of Helium (Gate, as of June 1, 2026), so the example can never disagree with the formulas.
/// </summary>
internal static class Examples
{
    private static readonly Source Gate = new("gate-2026-06-01", "Gate",
        "Helium and Akash revenue continues to grow; why has the DePIN token value capture failed?",
        new DateOnly(2026, 6, 1), "as of June 1, 2026", "press", null);

    public static ProjectScreening Helium { get; } = Ranking.Rank([ScreeningCalculator.Screen(new ProjectScreeningData(
        new Project("helium", "Helium", "wireless", "Mobile Network", "HNT", "Solana", "https://www.helium.com",
            "Decentralized wireless network."),
        [
            new SettlementMix("helium-2026-06-01-settlement-mix", "helium", new DateOnly(2026, 6, 1), 0.70m, null, null, "estimate",
                "about", Gate, "Helium's network settles about 70% of fees in USD stablecoins, Akash's ratio is about 55%, while Hivemapper and Filecoin still mainly settle in native tokens."),
        ],
        [
            new Evidence("helium-2026-06-01-burn-linkage-usage-burns", "helium", EvidenceKinds.BurnLinkage, "usage_burns", "2026-06-01",
                new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 1), "estimate", Gate,
                "In Helium's protocol design, increased network usage leads to more token burns, theoretically linking revenue and token demand."),
            new Evidence("helium-2026q2-revenue-trend-growing", "helium", EvidenceKinds.RevenueTrend, EvidenceKinds.Growing, "2026Q2",
                new DateOnly(2026, 4, 1), new DateOnly(2026, 6, 30), "estimate", Gate,
                "Helium and Akash revenue continues to grow; why has the DePIN token value capture failed?"),
        ],
        [],
        [
            new TokenPrice("helium-2026-06-01-price", "helium", "HNT", new DateOnly(2026, 6, 1), 0.7277m, null, null, -0.7855m, null, Gate,
                "As of June 1, 2026, Helium is priced at $0.7277, down 78.55% over the past year."),
        ],
        []))])[0];
}
