using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using DepinApi.Charts;
using DepinApi.OpenApi;
using DepinApi.Pages;
using DepinApi.ReadModel;
using DepinApi.Rest.ApiIndex;
using DepinApi.Rest.Figures;
using DepinApi.Rest.Infrastructure;
using DepinApi.Rest.Models;
using DepinApi.Screening;
using DepinApi.Series;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace DepinApi.Rest.Revenue;

/// <summary>Revenue series per project, one quarter of a project, the cross-project table, and single figures.</summary>
public static class RevenueEndpoints
{
    public static void MapRevenueEndpoints(this RouteGroupBuilder v1)
    {
        var tag = "Revenue";
        v1.MapGet("/projects/{slug}/revenue", SeriesAsync).WithTags(tag)
            .WithName("ListProjectRevenue")
            .ServesPage()
            .WithSummary("A project's revenue figures, quarter by quarter.")
            .WithDescription("Every revenue figure of the project in quarter, metric, id order, each with basis, qualifier, source, "
                             + "quote, permalink and citation. `from`/`to` bound the quarters, `metric` narrows, `units` transforms "
                             + "each metric series as FRED does (`value` holds the result, `amountUsd` the level).")
            .ProducesJsonOrCsv<ListResponse<RevenueFigureView>>()
            .OffersFormats(ResponseFormats.Series)
            .RedirectsRenamedSlugs();
        v1.MapGet("/projects/{slug}/revenue/{quarter}", QuarterAsync).WithTags(tag)
            .WithName("GetProjectRevenueQuarter")
            .ServesPage()
            .WithSummary("A project's revenue figures for one quarter.")
            .WithDescription("Every metric reported for the quarter, each labelled, with basis, source, quote, permalink and "
                             + "citation; when a source states a metric twice, `preferred` marks the statement /v1/revenue cites. `metric` narrows. A quarter without figures is a 404 that lists the quarters with figures.")
            .ProducesJsonOrCsv<ListResponse<RevenueFigureView>>()
            .RedirectsRenamedSlugs();
        v1.MapGet("/revenue", AcrossProjectsAsync).WithTags(tag)
            .WithName("ListRevenueByProject")
            .ServesPage()
            .WithSummary("One figure per project for a quarter and metric, with each project's share of the total.")
            .WithDescription("For `metric` (required) in `quarter` (default: the newest quarter with that metric), one figure per "
                             + "project and its share (0..1) of the sum over the projects listed. When a source states a project's "
                             + "figure more than once, the most precise statement is used (no qualifier, then about, then nearly, "
                             + "then bounds; disclosed before estimate; the figure marked `preferred` in every revenue list) and "
                             + "`alternativeFigures` counts the others. `shareOfUsd` is the sum the shares are of, over "
                             + "`shareOfProjects` projects.")
            .ProducesJsonOrCsv<ListResponse<RevenueShareView>>()
            .WithMetadata(new IndexLinkQuery("metric=annualized_external_revenue"));
        v1.MapGet("/revenue/{id}", FigureAsync).WithTags(tag)
            .WithName("GetRevenueFigure")
            .ServesPage()
            .WithSummary("One revenue figure by its permanent id (its permalink).")
            .WithDescription("The figure with source, quote and citation. Ids never change once published; add `asOf` to see the "
                             + "figure exactly as a given data version served it.")
            .ProducesJsonOrCsv<ItemResponse<RevenueFigureView>>()
            .OffersFormats(ResponseFormats.Figure);
    }

    public static async Task<Results<Ok<ListResponse<RevenueFigureView>>, CsvResult<RevenueFigureView>, PageResult, ChartResult,
        ProjectElsewhere>> SeriesAsync(HttpContext http, RestHandlerServices rest,
        [Description("The project's slug, e.g. aethir.")] string slug,
        [AsParameters] RevenueParameters filter, [AsParameters] ResourceParameters resource, [AsParameters] PageParameters paging,
        [FromQuery(Name = "from")][Description("First quarter, YYYYQn (e.g. 2025Q1).")] string? from,
        [FromQuery(Name = "to")][Description("Last quarter, YYYYQn (e.g. 2026Q2).")] string? to,
        [FromQuery(Name = "mark")][Description("With format=svg or png: the id of a figure the chart draws, singled out in another colour (a figure page marks its figure so).")]
        [OpenApiExample("aethir-2025q2-quarterly-revenue")] string? mark,
        CancellationToken cancellationToken)
    {
        var format = ContentNegotiation.ResolveWithPage(http.Request, resource.Format, ResponseFormats.Series);
        if (ChartResponses.IsImage(format) && ChartResponses.PagingRefusal(paging) is { } pagingRefused)
            format = ChartResponses.InsteadOfChart(http.Request, resource, mark, withPage: true, pagingRefused);
        ChartResponses.RejectMarkWithout(format, mark);
        var first = QueryParsing.Quarter("from", from);
        var last = QueryParsing.Quarter("to", to);
        QueryParsing.InOrder("from", first, "to", last);
        var metrics = QueryParsing.ListOf("metric", filter.Metric, Vocabulary.RevenueMetrics);
        var units = ParseUnits(filter.Units);
        var page = rest.Page(http, paging);
        // Read as if the slug were the project's own; another name of it is answered with a redirect.
        var revenue = RevenueSeries.Query([slug], metrics, first, last);
        var (session, lookup, figures) = await ProjectSeriesAsync(http, rest, resource.AsOf, slug, revenue, units, cancellationToken);
        if (!lookup.Found)
            return lookup.Elsewhere;
        var project = lookup.Project;
        var drawn = figures.Select(f => f.Metric).Distinct().Order(StringComparer.Ordinal).ToList();
        if (ChartResponses.IsImage(format) && (ChartResponses.OneMetricRefusal(drawn, filter.Metric)
                ?? ChartResponses.PointsRefusal(figures.Count, rest.Options.MaxChartPoints)) is { } refused)
            format = ChartResponses.InsteadOfChart(http.Request, resource, mark, withPage: true, refused);
        if (ChartResponses.IsImage(format))
        {
            var what = drawn.Count == 1 ? drawn[0] : metrics?.FirstOrDefault() ?? "revenue";
            var chart = ChartResponses.Mark(
                SeriesCharts.Revenue(project.Name, what, units, figures, SeriesCharts.Footer(Representation.Version(session))), mark);
            return ChartResponses.Chart(format, session, chart, $"{project.Slug}-revenue-{what}");
        }
        var (items, info) = rest.InMemory(http, page, figures, SeriesKey);
        if (format == ResponseFormat.Html)
            return Pages.ResourcePages.RevenueSeries(http, session, project.Name, null, items, info);
        return format == ResponseFormat.Csv
            ? Representation.ListCsv(session, items, RevenueFigureView.Columns(), $"{project.Slug}-revenue")
            : Representation.ListJson(session, items, info);
    }

    public static async Task<Results<Ok<ListResponse<RevenueFigureView>>, CsvResult<RevenueFigureView>, PageResult,
        ProjectElsewhere, ProblemHttpResult>> QuarterAsync(HttpContext http, RestHandlerServices rest,
        [Description("The project's slug, e.g. aethir.")] string slug,
        [Description("The quarter, YYYYQn, e.g. 2025Q2.")] string quarter,
        [AsParameters] RevenueParameters filter, [AsParameters] ResourceParameters resource, [AsParameters] PageParameters paging,
        CancellationToken cancellationToken)
    {
        var format = ContentNegotiation.ResolveWithPage(http.Request, resource.Format);
        var when = QueryParsing.Quarter("quarter", quarter)!.Value;
        var metrics = QueryParsing.ListOf("metric", filter.Metric, Vocabulary.RevenueMetrics);
        var units = ParseUnits(filter.Units);
        var page = rest.Page(http, paging);
        // Read as if the slug were the project's own; another name of it is answered with a redirect.
        var (session, lookup, figures) = await ProjectSeriesAsync(http, rest, resource.AsOf, slug,
            RevenueSeries.Query([slug], metrics, when, when), units, cancellationToken);
        if (!lookup.Found)
            return lookup.Elsewhere;
        var project = lookup.Project;
        if (figures.Count == 0)
        {
            var all = await session.RevenueAsync(new RevenueQuery { Projects = [project.Slug], Metrics = metrics }, cancellationToken);
            var quarters = all.Select(f => f.Quarter).Distinct().Order().Select(q => q.ToString()).ToList();
            return RestProblems.NotFound("no-figures", "No figures for this quarter.",
                $"{project.Name} has no revenue figures{(metrics is null ? "" : " of " + string.Join(", ", metrics))} in {when}. "
                + (quarters.Count == 0 ? "It has none at all." : $"Quarters with figures: {string.Join(", ", quarters)}."),
                new Dictionary<string, object?> { ["parameter"] = "quarter", ["value"] = quarter, ["quartersWithFigures"] = quarters });
        }
        var (items, info) = rest.InMemory(http, page, figures, SeriesKey);
        if (format == ResponseFormat.Html)
            return Pages.ResourcePages.RevenueSeries(http, session, project.Name, Citations.CitationText.Quarter(when), items, info);
        return format == ResponseFormat.Csv
            ? Representation.ListCsv(session, items, RevenueFigureView.Columns(), $"{project.Slug}-revenue-{when}")
            : Representation.ListJson(session, items, info);
    }

    public static async Task<Results<Ok<ListResponse<RevenueShareView>>, CsvResult<RevenueShareView>, PageResult>>
        AcrossProjectsAsync(HttpContext http, RestHandlerServices rest,
        [FromQuery(Name = "quarter")][Description("The quarter, YYYYQn; default: the newest quarter that has the metric.")] string? quarter,
        // [Required] tells the document (see ParameterDocsFilter); the check below answers a missing one.
        [FromQuery(Name = "metric")][Required][Description("The metric to compare, e.g. annualized_external_revenue (required).")] string? metric,
        [AsParameters] ResourceParameters resource, [AsParameters] PageParameters paging, CancellationToken cancellationToken)
    {
        var format = ContentNegotiation.ResolveWithPage(http.Request, resource.Format);
        var when = QueryParsing.Quarter("quarter", quarter);
        var expectedMetric = "one of " + string.Join(", ", Vocabulary.RevenueMetrics);
        var what = QueryParsing.OneOf("metric", QueryParsing.Required("metric", metric, expectedMetric), Vocabulary.RevenueMetrics)!;
        var page = rest.Page(http, paging);
        var session = await rest.OpenAsync(http, resource.AsOf, cancellationToken);
        var views = await FigureViews.CreateAsync(http, session, cancellationToken);
        var figures = await session.RevenueAsync(new RevenueQuery { Metrics = [what], From = when, To = when }, cancellationToken);
        if (when is null && figures.Count > 0)
        {
            var newest = figures.Max(f => f.Quarter);
            figures = figures.Where(f => f.Quarter == newest).ToList();
        }
        var chosen = figures
            .GroupBy(f => f.Project)
            .Select(g => (Best: RevenueSelection.Choose(g), Others: g.Count() - 1))
            .ToList();
        // The figures hold every statement of the quarter and metric, so the preferred ones need no second read.
        views.MarkPreferredRevenue(figures);
        var total = chosen.Sum(c => c.Best.AmountUsd);
        var qualifiedTotal = chosen.Any(c => c.Best.Qualifier is not null);
        // Largest first, as a league table reads; the slug breaks ties so the order (and the cursor) is stable.
        var rows = chosen
            .OrderByDescending(c => c.Best.AmountUsd).ThenBy(c => c.Best.Project, StringComparer.Ordinal)
            .Select((c, rank) =>
            {
                var share = total == 0 ? 0 : DecimalText.Normalize(Math.Round(c.Best.AmountUsd / total, 6, MidpointRounding.AwayFromZero));
                var name = views.ProjectName(c.Best.Project);
                return (Rank: rank, View: new RevenueShareView(c.Best.Project, name, DecimalText.Normalize(c.Best.AmountUsd), share,
                    DecimalText.Normalize(total), chosen.Count, Citations.Citation.Share(c.Best, name, share, total, chosen.Count, qualifiedTotal),
                    c.Others, views.Revenue(c.Best)));
            })
            .ToList();
        var (ranked, info) = rest.InMemory(http, page, rows,
            r => Paging.Key(r.Rank.ToString("D6", System.Globalization.CultureInfo.InvariantCulture), r.View.Project));
        var items = ranked.Select(r => r.View).ToList();
        var stem = $"revenue-{what}-{(chosen.Count > 0 ? chosen[0].Best.Quarter.ToString() : when?.ToString() ?? "none")}";
        if (format == ResponseFormat.Html)
            return Pages.ResourcePages.RevenueAcrossProjects(http, session, what, items, qualifiedTotal, info);
        return format == ResponseFormat.Csv
            ? Representation.ListCsv(session, items, RevenueShareView.Columns(), stem)
            : Representation.ListJson(session, items, info);
    }

    public static async Task<Results<Ok<ItemResponse<RevenueFigureView>>, CsvResult<RevenueFigureView>, PageResult, ChartResult, ProblemHttpResult>> FigureAsync(HttpContext http, RestHandlerServices rest,
        [Description("The figure's id, e.g. aethir-2025q2-quarterly-revenue.")] string id,
        [AsParameters] ResourceParameters resource, CancellationToken cancellationToken)
    {
        var format = ContentNegotiation.ResolveWithPage(http.Request, resource.Format, ResponseFormats.Figure);
        var session = await rest.OpenAsync(http, resource.AsOf, cancellationToken);
        if (await FigureLookup.RevenueAsync(session, id, cancellationToken) is not { } figure)
            return FigureLookup.NotFound("revenue figure", id, session);
        var views = await FigureViews.CreateAsync(http, session, cancellationToken);
        await views.LoadPreferredRevenueAsync(session, figure, cancellationToken);
        if (format == ResponseFormat.Html)
            return await Pages.FigurePages.RenderAsync(http, session, views, figure, cancellationToken);
        var shown = views.Revenue(figure);
        if (ChartResponses.IsImage(format))
            return ChartResponses.Card(format, session,
                FigureCards.Revenue(shown, views.ProjectName(shown.Project), SeriesCharts.Footer(Representation.Version(session))), id);
        return format == ResponseFormat.Csv
            ? Representation.ItemCsv(session, shown, RevenueFigureView.Columns(), id)
            : Representation.ItemJson(session, shown);
    }

    /// <summary>
    /// Opens the request's session with the project <paramref name="slug"/> names by its own slug and its figures read in
    /// one statement (<see cref="ReadSession.ProjectRevenueInUnitsAsync"/>), and resolves the slug; the figures as
    /// views when it is the project's own.
    /// </summary>
    private static async Task<(ReadSession Session, ProjectLookup Lookup, List<RevenueFigureView> Figures)> ProjectSeriesAsync(
        HttpContext http, RestHandlerServices rest, string? asOf, string slug, RevenueQuery query, SeriesUnits units,
        CancellationToken cancellationToken)
    {
        var (session, lookup, rows) = await rest.OpenForProjectAsync<SeriesPoint?>(http, asOf, slug,
            s => s.ProjectRevenueInUnitsAsync(slug, query, units, cancellationToken), cancellationToken);
        if (!lookup.Found)
            return (session, lookup, []);
        // Every figure is the project's own, so its name is the only one the citations need.
        var views = FigureViews.Create(http, session, [lookup.Project]);
        return (session, lookup, Transformed(views, [.. rows.Where(r => r.Row is not null).Select(r => r.Row!.Value)], units));
    }

    /// <summary>The series' points as views, each statement marked preferred or not among those read.</summary>
    private static List<RevenueFigureView> Transformed(FigureViews views, List<SeriesPoint> series, SeriesUnits units)
    {
        // Read by project, metric and quarter only, so every statement of each group viewed is here.
        views.MarkPreferredRevenue(series.Select(p => p.Figure).ToList());
        return series.Select(p => views.Revenue(p.Figure, units, p.Value)).ToList();
    }

    private static SeriesUnits ParseUnits(string? units)
    {
        if (string.IsNullOrEmpty(units))
            units = SeriesUnitsNames.Default;
        return SeriesUnitsNames.TryParse(units, out var parsed)
            ? parsed
            // No "did you mean" (QueryParsing.NotOneOf): any two of FRED's three-letter codes are two edits apart, so
            // a near one would be a guess (log → chg).
            : throw new InvalidParameterException("units", SeriesUnitsNames.Format, units);
    }

    // Quarters are fixed-width ("2025Q3"), so this key sorts ordinally in quarter, metric, id order.
    private static string SeriesKey(RevenueFigureView f) => Paging.Key(f.Quarter, f.Metric, f.Id);
}
