using System.ComponentModel;
using DepinApi.Rest.ApiIndex;
using DepinApi.Rest.Figures;
using DepinApi.Rest.Infrastructure;
using DepinApi.Series;
using Microsoft.AspNetCore.Mvc;

namespace DepinApi.Rest.Revenue;

/// <summary>The filters of a revenue series.</summary>
public sealed record RevenueParameters
{
    [FromQuery(Name = "metric")]
    [Description("Only these metrics (comma-separated): quarterly_revenue, annualized_run_rate, annualized_external_revenue, "
                 + "annualized_onchain_revenue, fiscal_year_revenue, lease_income, network_fee_revenue, monthly_volume.")]
    public string? Metric { get; init; }

    [FromQuery(Name = "units")]
    [Description("lin (levels, default), chg (change from the previous quarter, USD), pch (percent change from the previous "
                 + "quarter), pc1 (percent change from a year ago); a full year's figure (fiscal_year_revenue) is compared with the year before's. "
                 + "Computed per metric series; null when an input is missing.")]
    [QueryDefault(SeriesUnitsNames.Default)]
    public string? Units { get; init; }
}
