namespace DepinApi.Rest.Citations;

/// <summary>
/// Metric names as a sentence reads them: "usage_growth_yoy" is "year-over-year usage growth". Names the word
/// rules below cannot make readable are spelled out; any other name has its underscores turned into spaces and
/// its abbreviations written out, so a new metric never shows a snake_case name in a citation.
/// </summary>
public static class MetricNames
{
    private static readonly Dictionary<string, string> Spelled = new(StringComparer.Ordinal)
    {
        ["quarterly_revenue"] = "revenue",
        ["fiscal_year_revenue"] = "revenue",
        ["monthly_volume"] = "monthly transaction volume",
        ["share_of_sector_external_revenue"] = "share of the sector's external revenue",
        ["top3_share_of_external_revenue"] = "top three projects' share of external revenue",
        ["top5_worst_token_decline_from_peak"] = "worst token decline from peak among the top five projects",
        ["usage_growth_yoy"] = "year-over-year usage growth",
        ["tokens_burned_growth_yoy"] = "year-over-year growth in tokens burned",
        ["new_leases_growth_qoq"] = "quarter-over-quarter growth in new leases",
        ["compute_capacity_multiple_target"] = "compute capacity target",
        ["emissions_to_revenue_multiple"] = "token emissions as a multiple of demand-generated revenue in dozens of projects",
        ["public_company_treasury_allocation"] = "public-company treasury allocation",
        ["projected_market_cagr"] = "projected compound annual growth rate of the market",
        ["navir_exit_value"] = "NAVIR exit value",
    };

    private static readonly Dictionary<string, string> Words = new(StringComparer.Ordinal)
    {
        ["yoy"] = "year-over-year",
        ["qoq"] = "quarter-over-quarter",
        ["onchain"] = "on-chain",
        ["vs"] = "vs.",
        ["gpu"] = "GPU",
        ["gpus"] = "GPUs",
        ["ai"] = "AI",
        ["cagr"] = "compound annual growth rate",
    };

    public static string Of(string metric) =>
        Spelled.TryGetValue(metric, out var name)
            ? name
            : string.Join(' ', metric.Split('_').Select(w => Words.TryGetValue(w, out var word) ? word : w));

    /// <summary>Whether the metric's fraction is a multiple ("10x", "doubling") rather than a share or a change.</summary>
    public static bool IsMultiple(string metric) => metric.Contains("multiple", StringComparison.Ordinal);
}
