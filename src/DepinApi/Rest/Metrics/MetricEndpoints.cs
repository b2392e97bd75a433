using System.ComponentModel;
using DepinApi.Charts;
using DepinApi.OpenApi;
using DepinApi.Pages;
using DepinApi.ReadModel;
using DepinApi.Rest.Figures;
using DepinApi.Rest.Infrastructure;
using DepinApi.Rest.Models;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace DepinApi.Rest.Metrics;

/// <summary>Network metrics (per project) and sector-wide figures.</summary>
public static class MetricEndpoints
{
    public static void MapMetricEndpoints(this RouteGroupBuilder v1)
    {
        v1.MapGet("/projects/{slug}/metrics", ProjectAsync).WithTags("Metrics")
            .WithName("ListProjectMetrics")
            .WithSummary("A project's network metrics: clients, nodes, utilization, growth, burns, targets.")
            .WithDescription("Figures that are not dollar revenue, in metric, period end, id order, each with its unit "
                             + "(`count`, `fraction`, `usd`, `tokens`, `hours`, `gpus`); a range has `valueMax`. `metric` narrows.")
            .ProducesJsonOrCsv<ListResponse<NetworkMetricView>>()
            .OffersFormats(ResponseFormats.Series)
            .RedirectsRenamedSlugs();
        v1.MapGet("/metrics/{id}", MetricAsync).WithTags("Metrics")
            .WithName("GetNetworkMetric")
            .ServesPage()
            .WithSummary("One network metric by its permanent id (its permalink).")
            .WithDescription("The figure with source, quote and citation; `asOf` shows it as a given data version served it.")
            .ProducesJsonOrCsv<ItemResponse<NetworkMetricView>>()
            .OffersFormats(ResponseFormats.Figure);
        v1.MapGet("/sector-figures", SectorListAsync).WithTags("Sectors")
            .WithName("ListSectorFigures")
            .WithSummary("Figures about DePIN as a whole or its compute networks.")
            .WithDescription("Sector-wide figures in scope, metric, period end, id order. `scope` is `depin` or `depin_compute`.")
            .ProducesJsonOrCsv<ListResponse<SectorFigureView>>();
        v1.MapGet("/sector-figures/{id}", SectorFigureAsync).WithTags("Sectors")
            .WithName("GetSectorFigure")
            .ServesPage()
            .WithSummary("One sector figure by its permanent id (its permalink).")
            .WithDescription("The figure with source, quote and citation; `asOf` shows it as a given data version served it.")
            .ProducesJsonOrCsv<ItemResponse<SectorFigureView>>()
            .OffersFormats(ResponseFormats.Figure);
    }

    public static async Task<Results<Ok<ListResponse<NetworkMetricView>>, CsvResult<NetworkMetricView>, ChartResult,
        ProjectElsewhere>> ProjectAsync(HttpContext http, RestHandlerServices rest,
        [Description("The project's slug, e.g. aethir.")] string slug,
        [FromQuery(Name = "metric")][Description("Only this metric, e.g. active_compute_clients: one some project's network metrics state (another is a 400 listing them; a metric of other projects only is an empty list).")] string? metric,
        [FromQuery(Name = "mark")][Description("With format=svg or png: the id of a figure the chart draws, singled out in another colour (a figure page marks its figure so).")]
        [OpenApiExample("aethir-2025q3-quarterly-revenue-growth")] string? mark,
        [AsParameters] ResourceParameters resource, [AsParameters] PageParameters paging, CancellationToken cancellationToken)
    {
        var format = ContentNegotiation.Resolve(http.Request, resource.Format, ResponseFormats.Series);
        if (ChartResponses.IsImage(format) && ChartResponses.PagingRefusal(paging) is { } pagingRefused)
            format = ChartResponses.InsteadOfChart(http.Request, resource, mark, withPage: false, pagingRefused);
        ChartResponses.RejectMarkWithout(format, mark);
        var page = rest.Page(http, paging);
        var (session, lookup) = await rest.OpenForProjectAsync(http, resource.AsOf, slug, cancellationToken);
        if (!lookup.Found)
            return lookup.Elsewhere;
        var project = lookup.Project;
        var views = await FigureViews.CreateAsync(http, session, cancellationToken);
        var only = string.IsNullOrEmpty(metric) ? null : metric;
        // Checked against every project's metrics, as GraphQL's Project.metrics checks it, and as a revenue metric is
        // checked against every revenue metric: one this project does not state is an empty list, not a misspelling.
        if (only is not null && QueryParsing.NotOneOf("metric", only, await session.NetworkMetricNamesAsync(cancellationToken)) is { } refused)
            throw refused;
        var figures = await session.NetworkMetricsAsync(new FigureQuery { Projects = [project.Slug], Metric = only }, cancellationToken);
        var metrics = figures.Select(f => f.Metric).Distinct().Order(StringComparer.Ordinal).ToList();
        if (ChartResponses.IsImage(format) && (ChartResponses.OneMetricRefusal(metrics, only)
                ?? ChartResponses.PointsRefusal(figures.Count, rest.Options.MaxChartPoints)) is { } undrawable)
            format = ChartResponses.InsteadOfChart(http.Request, resource, mark, withPage: false, undrawable);
        if (ChartResponses.IsImage(format))
        {
            var chart = ChartResponses.Mark(SeriesCharts.Metric(project.Name, metrics.Count == 1 ? metrics[0] : metric ?? "metrics",
                figures, SeriesCharts.Footer(Representation.Version(session))), mark);
            return ChartResponses.Chart(format, session, chart, $"{project.Slug}-metrics{(metrics.Count == 1 ? "-" + metrics[0] : "")}");
        }
        var (items, info) = rest.InMemory(http, page, figures.Select(views.NetworkMetric),
            f => Paging.Key(f.Metric, Day(f.PeriodEnd), f.Id));
        return format == ResponseFormat.Csv
            ? Representation.ListCsv(session, items, NetworkMetricView.Columns(), $"{project.Slug}-metrics")
            : Representation.ListJson(session, items, info);
    }

    public static Task<Results<Ok<ItemResponse<NetworkMetricView>>, CsvResult<NetworkMetricView>, PageResult, ChartResult, ProblemHttpResult>> MetricAsync(HttpContext http, RestHandlerServices rest,
        [Description("The figure's id, e.g. aethir-2026-active-compute-clients.")] string id,
        [AsParameters] ResourceParameters resource, CancellationToken cancellationToken) =>
        FigurePermalink.RespondAsync(http, rest, id, resource, "network metric", FigureLookup.NetworkMetricAsync,
            (views, f) => views.NetworkMetric(f), NetworkMetricView.Columns(),
            (views, f, _, footer) => FigureCards.NetworkMetric(f, views.ProjectName(f.Project), footer), cancellationToken);

    public static async Task<Results<Ok<ListResponse<SectorFigureView>>, CsvResult<SectorFigureView>>> SectorListAsync(HttpContext http, RestHandlerServices rest,
        [FromQuery(Name = "scope")][Description("depin (the whole sector) or depin_compute (its compute networks).")] string? scope,
        [AsParameters] ResourceParameters resource, [AsParameters] PageParameters paging, CancellationToken cancellationToken)
    {
        var format = ContentNegotiation.Resolve(http.Request, resource.Format);
        var only = QueryParsing.OneOf("scope", scope, Vocabulary.Scopes);
        var page = rest.Page(http, paging);
        var session = await rest.OpenAsync(http, resource.AsOf, cancellationToken);
        var views = await FigureViews.CreateAsync(http, session, cancellationToken);
        var figures = await session.SectorFiguresAsync(new FigureQuery { Projects = only is null ? null : [only] }, cancellationToken);
        var (items, info) = rest.InMemory(http, page, figures.Select(views.SectorFigure),
            f => Paging.Key(f.Scope, f.Metric, Day(f.PeriodEnd), f.Id));
        return Representation.List(format, session, items, info, SectorFigureView.Columns(), "sector-figures");
    }

    public static Task<Results<Ok<ItemResponse<SectorFigureView>>, CsvResult<SectorFigureView>, PageResult, ChartResult, ProblemHttpResult>> SectorFigureAsync(HttpContext http, RestHandlerServices rest,
        [Description("The figure's id, e.g. depin-2026q2-annualized-external-revenue.")] string id,
        [AsParameters] ResourceParameters resource, CancellationToken cancellationToken) =>
        FigurePermalink.RespondAsync(http, rest, id, resource, "sector figure", FigureLookup.SectorFigureAsync,
            (views, f) => views.SectorFigure(f), SectorFigureView.Columns(),
            (_, f, _, footer) => FigureCards.SectorFigure(f, footer), cancellationToken);

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
