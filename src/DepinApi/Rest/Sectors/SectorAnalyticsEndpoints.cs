using System.ComponentModel;
using DepinApi.Charts;
using DepinApi.OpenApi;
using DepinApi.Pages;
using DepinApi.Rest.Infrastructure;
using DepinApi.Rest.Screening;
using DepinApi.SectorAnalytics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace DepinApi.Rest.Sectors;

/// <summary>/v1/sectors/analytics: concentration, implied prices and the revenue multiple of all projects or one sector.</summary>
public static class SectorAnalyticsEndpoints
{
    public static void MapSectorAnalyticsEndpoints(this RouteGroupBuilder v1)
    {
        v1.MapGet("/sectors/analytics", GetAsync).WithTags("Sectors")
            .WithName("GetSectorAnalytics")
            .ServesPage()
            .WithSummary("Revenue concentration per quarter and metric, implied year-earlier token prices and the sector revenue multiple.")
            .WithDescription("Per quarter and revenue metric: the total across the projects that report it, each project's share, the "
                             + "top-3 share and the Herfindahl–Hirschman index (0–10,000), next to the total and top-3 share a source "
                             + "states for the sector (both shown when they differ). Per project: the token price a year earlier implied "
                             + "by the 1-year change. The sector's market cap over its revenue where a source states both. `sector` "
                             + "restricts to one sector; `quarter` and `metric` narrow the concentration table. CSV: `part` picks the "
                             + "table (revenue, implied-prices, multiples).")
            .ProducesJsonOrCsv<SectorAnalyticsResponse>()
            .OffersFormats(ResponseFormats.Series);
    }

    public static async Task<Results<Ok<SectorAnalyticsResponse>, CsvResult<SectorAnalyticsCsv.ShareRow>,
        CsvResult<ImpliedYearEarlierPrice>, CsvResult<SectorRevenueMultiple>, PageResult, ChartResult>> GetAsync(HttpContext http, RestHandlerServices rest, SectorAnalyticsService analytics,
        [AsParameters] ResourceParameters resource,
        [FromQuery(Name = "sector")][Description("Only projects of this sector: wireless, compute, storage, mapping, sensors, energy or bandwidth. Default: every project.")]
        [OpenApiExample("compute")] string? sector,
        [FromQuery(Name = "quarter")] string? quarter,
        [FromQuery(Name = "metric")] string? metric,
        [FromQuery(Name = "part")][Description("For CSV: which table — revenue (default), implied-prices or multiples. JSON always has all three.")]
        [OpenApiExample("revenue")] string? part,
        CancellationToken cancellationToken)
    {
        var format = ContentNegotiation.ResolveWithPage(http.Request, resource.Format, ResponseFormats.Series);
        var sectorFilter = QueryParsing.OneOf("sector", sector, Vocabulary.Sectors);
        var quarterFilter = QueryParsing.Quarter("quarter", quarter);
        var metricFilter = QueryParsing.OneOf("metric", metric, Vocabulary.RevenueMetrics);
        var table = QueryParsing.OneOf("part", part, SectorAnalyticsCsv.Parts) ?? SectorAnalyticsCsv.Revenue;
        // As `mark` without a chart: a part asked of a format that has no parts would be ignored without a word.
        if (!string.IsNullOrEmpty(part) && format != ResponseFormat.Csv)
            throw new InvalidParameterException("part", "no part without format=csv: it picks the CSV's table (JSON has all three)", part);
        var session = await rest.OpenAsync(http, resource.AsOf, cancellationToken);
        var report = await analytics.AnalyseAsync(session, sectorFilter, quarterFilter, metricFilter, cancellationToken);
        // The chart is the revenue table as stacked shares, one metric per chart.
        var metrics = report.Revenue.Select(q => q.Metric).Distinct().Order(StringComparer.Ordinal).ToList();
        if (ChartResponses.IsImage(format) && (ChartResponses.OneMetricRefusal(metrics, metricFilter)
                ?? ChartResponses.PointsRefusal(report.Revenue.Count, rest.Options.MaxChartPoints)) is { } refused)
            format = ChartResponses.InsteadOfChart(http.Request, resource, mark: null, withPage: true, refused);
        if (format == ResponseFormat.Html)
            return Pages.ResourcePages.SectorAnalytics(http, session, report);
        if (ChartResponses.IsImage(format))
        {
            var what = metrics.Count == 1 ? metrics[0] : metricFilter ?? "annualized_external_revenue";
            var chart = SeriesCharts.SectorRevenue(sectorFilter, what, report.Revenue, SeriesCharts.Footer(Representation.Version(session)));
            return ChartResponses.Chart(format, session, chart, $"sector-revenue-{sectorFilter ?? "all"}-{what}");
        }
        if (format == ResponseFormat.Json)
            return TypedResults.Ok(new SectorAnalyticsResponse(Representation.Version(session), MethodologyRef.Current, report));
        var stem = "sector-analytics-" + (sectorFilter ?? "all") + "-" + table;
        return table switch
        {
            SectorAnalyticsCsv.ImpliedPrices => new CsvResult<ImpliedYearEarlierPrice>(report.ImpliedPrices,
                SectorAnalyticsCsv.PriceColumns(), Representation.FileName(stem, session)),
            SectorAnalyticsCsv.Multiples => new CsvResult<SectorRevenueMultiple>(report.RevenueMultiples,
                SectorAnalyticsCsv.MultipleColumns(), Representation.FileName(stem, session)),
            _ => new CsvResult<SectorAnalyticsCsv.ShareRow>(SectorAnalyticsCsv.ShareRows(report),
                SectorAnalyticsCsv.ShareColumns(), Representation.FileName(stem, session)),
        };
    }
}
