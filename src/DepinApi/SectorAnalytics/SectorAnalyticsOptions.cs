using System.ComponentModel.DataAnnotations;

namespace DepinApi.SectorAnalytics;

/// <summary>The "SectorAnalytics" configuration section.</summary>
public sealed class SectorAnalyticsOptions
{
    public const string Section = "SectorAnalytics";

    /// <summary>
    /// How many computed reports (one per data version, sector, quarter and metric) are kept in
    /// memory; 0 computes every call afresh. A report is a few kilobytes per project in scope.
    /// </summary>
    [Range(0, 100_000)]
    public int CachedReports { get; set; } = 256;
}
