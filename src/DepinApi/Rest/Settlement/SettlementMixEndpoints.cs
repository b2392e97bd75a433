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

namespace DepinApi.Rest.Settlement;

/// <summary>How fees settle (stablecoin vs native token): per project, across projects, and single figures.</summary>
public static class SettlementMixEndpoints
{
    public static void MapSettlementMixEndpoints(this RouteGroupBuilder v1)
    {
        var tag = "Settlement mix";
        v1.MapGet("/projects/{slug}/settlement-mix", ProjectAsync).WithTags(tag)
            .WithName("ListProjectSettlementMix")
            .WithSummary("A project's settlement mix figures, oldest first.")
            .WithDescription("Shares (0..1) of fees settled in stablecoins and in the native token, or only a label "
                             + "(`mainly_native`, `mainly_stablecoin`) when the source gives no number; never derived one from the other.")
            .ProducesJsonOrCsv<ListResponse<SettlementMixView>>()
            .OffersFormats(ResponseFormats.Series)
            .RedirectsRenamedSlugs();
        v1.MapGet("/settlement-mix", AllAsync).WithTags(tag)
            .WithName("ListSettlementMix")
            .WithSummary("Every project's settlement mix figures.")
            .WithDescription("All settlement mix figures in project, date, id order.")
            .ProducesJsonOrCsv<ListResponse<SettlementMixView>>();
        v1.MapGet("/settlement-mix/{id}", FigureAsync).WithTags(tag)
            .WithName("GetSettlementMixFigure")
            .ServesPage()
            .WithSummary("One settlement mix figure by its permanent id (its permalink).")
            .WithDescription("The figure with source, quote and citation; `asOf` shows it as a given data version served it.")
            .ProducesJsonOrCsv<ItemResponse<SettlementMixView>>()
            .OffersFormats(ResponseFormats.Figure);
    }

    public static async Task<Results<Ok<ListResponse<SettlementMixView>>, CsvResult<SettlementMixView>, ChartResult,
        ProjectElsewhere>> ProjectAsync(HttpContext http, RestHandlerServices rest,
        [Description("The project's slug, e.g. helium.")] string slug,
        [FromQuery(Name = "mark")][Description("With format=svg or png: the id of a figure the chart draws, singled out in another colour (a figure page marks its figure so).")]
        [OpenApiExample("helium-2026-06-01-settlement-mix")] string? mark,
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
        if (ChartResponses.IsImage(format))
        {
            var views = await FigureViews.CreateAsync(http, session, cancellationToken);
            var figures = await session.SettlementMixAsync(new FigureQuery { Projects = [project.Slug] }, cancellationToken);
            if (ChartResponses.PointsRefusal(figures.Count, rest.Options.MaxChartPoints) is not { } refused)
            {
                var chart = ChartResponses.Mark(SeriesCharts.SettlementMix(project.Name, figures.Select(views.SettlementMix).ToList(),
                    SeriesCharts.Footer(Representation.Version(session))), mark);
                return ChartResponses.Chart(format, session, chart, $"{project.Slug}-settlement-mix");
            }
            format = ChartResponses.InsteadOfChart(http.Request, resource, mark, withPage: false, refused);
        }
        var (items, info) = await ListAsync(http, rest, session, page, [project.Slug], cancellationToken);
        return format == ResponseFormat.Csv
            ? Representation.ListCsv(session, items, SettlementMixView.Columns(), $"{project.Slug}-settlement-mix")
            : Representation.ListJson(session, items, info);
    }

    public static async Task<Results<Ok<ListResponse<SettlementMixView>>, CsvResult<SettlementMixView>>> AllAsync(HttpContext http, RestHandlerServices rest,
        [FromQuery(Name = "project")][Description("Only these projects (comma-separated slugs, e.g. helium,akash; token symbols and names work too).")]
        [OpenApiExample("helium")] string? project,
        [AsParameters] ResourceParameters resource, [AsParameters] PageParameters paging, CancellationToken cancellationToken)
    {
        var format = ContentNegotiation.Resolve(http.Request, resource.Format);
        var page = rest.Page(http, paging);
        var session = await rest.OpenAsync(http, resource.AsOf, cancellationToken);
        var projects = await ProjectResolution.SlugsAsync(session, "project", project, cancellationToken);
        var (items, info) = await ListAsync(http, rest, session, page, projects, cancellationToken);
        return Representation.List(format, session, items, info, SettlementMixView.Columns(), "settlement-mix");
    }

    public static Task<Results<Ok<ItemResponse<SettlementMixView>>, CsvResult<SettlementMixView>, PageResult, ChartResult, ProblemHttpResult>> FigureAsync(HttpContext http, RestHandlerServices rest,
        [Description("The figure's id, e.g. helium-2026-06-01-settlement-mix.")] string id,
        [AsParameters] ResourceParameters resource, CancellationToken cancellationToken) =>
        FigurePermalink.RespondAsync(http, rest, id, resource, "settlement mix figure", FigureLookup.SettlementMixAsync,
            (views, f) => views.SettlementMix(f), SettlementMixView.Columns(),
            (views, _, v, footer) => FigureCards.SettlementMix(v, views.ProjectName(v.Project), footer), cancellationToken);

    private static async Task<(IReadOnlyList<SettlementMixView> Items, PageInfo Page)> ListAsync(HttpContext http, RestHandlerServices rest,
        ReadSession session, PageRequest page, IReadOnlyCollection<string>? projects, CancellationToken cancellationToken)
    {
        var views = await FigureViews.CreateAsync(http, session, cancellationToken);
        var figures = await session.SettlementMixAsync(new FigureQuery { Projects = projects }, cancellationToken);
        return rest.InMemory(http, page, figures.Select(views.SettlementMix),
            f => Paging.Key(f.Project, f.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), f.Id));
    }
}
