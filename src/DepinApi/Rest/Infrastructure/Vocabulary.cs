namespace DepinApi.Rest.Infrastructure;

/// <summary>The enumerated values the API accepts in filters, as the schema's CHECK constraints define them.</summary>
public static class Vocabulary
{
    public static readonly IReadOnlyList<string> Sectors =
        ["wireless", "compute", "storage", "mapping", "sensors", "energy", "bandwidth"];

    public static readonly IReadOnlyList<string> RevenueMetrics =
    [
        "quarterly_revenue", "annualized_run_rate", "annualized_external_revenue", "annualized_onchain_revenue",
        "fiscal_year_revenue", "lease_income", "network_fee_revenue", "monthly_volume",
    ];

    public static readonly IReadOnlyList<string> Scopes = ["depin", "depin_compute"];

    public static readonly IReadOnlyList<string> ProjectSorts = ["slug", "-slug", "name", "-name"];
}
