namespace DepinApi.OpenApi;

/// <summary>What each group of operations (an OpenAPI tag) is about, shown as the group's heading text in Swagger UI.</summary>
public static class TagDescriptions
{
    private static readonly Dictionary<string, string> Texts = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Health"] = "Liveness and readiness probes for orchestrators. No points charged (a per-address allowance instead), not cached.",
        ["Projects"] = "The DePIN projects covered, each with its latest figures.",
        ["Revenue"] = "Quarterly revenue figures, each with its source, basis, quote, permalink and a citation ready to paste; series can be transformed with `units`.",
        ["Settlement mix"] = "How much of a network's fees settle in stablecoins versus its native token.",
        ["Token prices"] = "Token prices and their 30-day, 90-day and 1-year changes, as reported by the sources.",
        ["Metrics"] = "Network metrics other than revenue (usage, shares of the sector, growth rates).",
        ["Sectors"] = "Sector-wide figures and the sectors projects belong to.",
        ["Sources"] = "The publications figures are quoted from, each with every figure that cites it.",
        ["History"] = "Data versions: what each import added, changed or removed, and what is served now.",
        ["Meta"] = "The data version served, when it was imported, counts and the methodology version.",
        ["Figures"] = "One search across every kind of figure, by words, project, metric and period; each hit with its permalink.",
        ["Screening"] = "Derived screening scores and the inputs they are computed from.",
    };

    /// <summary>The description for a tag, or null when it has none yet.</summary>
    public static string? For(string tag) => Texts.GetValueOrDefault(tag);
}
