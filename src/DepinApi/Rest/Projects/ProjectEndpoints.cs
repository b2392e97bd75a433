using System.ComponentModel;
using DepinApi.Pages;
using DepinApi.ReadModel;
using DepinApi.Rest.Infrastructure;
using DepinApi.Rest.Models;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace DepinApi.Rest.Projects;

/// <summary>/v1/projects and /v1/projects/{slug}.</summary>
public static class ProjectEndpoints
{
    public static void MapProjectEndpoints(this RouteGroupBuilder v1)
    {
        var projects = v1.MapGroup("/projects").WithTags("Projects");
        projects.MapGet("/", ListAsync)
            .WithName("ListProjects")
            .WithSummary("Every project, filtered by sector or a search term, sorted by slug or name.")
            .WithDescription("Projects with their sector, sub-track, token and chain. `sector` filters, `q` searches the name, slug "
                             + "and token symbol (case-insensitive), `sort` orders by `slug` or `name` (prefix `-` for descending).")
            .ProducesJsonOrCsv<ListResponse<ProjectView>>();
        projects.MapGet("/{slug}", GetAsync)
            .WithName("GetProject")
            .ServesPage()
            .WithSummary("One project with its newest figures.")
            .WithDescription("The project, its newest revenue figures per metric, its newest settlement mix and its newest "
                             + "token price, each with source, quote, permalink and citation. A former slug answers 308 with "
                             + "the current URL; an unknown slug is a 404 that suggests the nearest one.")
            .ProducesJsonOrCsv<ItemResponse<ProjectDetailView>>()
            .RedirectsRenamedSlugs();
    }

    public static async Task<Results<Ok<ListResponse<ProjectView>>, CsvResult<ProjectView>>> ListAsync(HttpContext http, RestHandlerServices rest,
        [AsParameters] ResourceParameters resource, [AsParameters] PageParameters paging,
        [FromQuery(Name = "sector")][Description("Only projects of this sector: wireless, compute, storage, mapping, sensors, energy or bandwidth.")] string? sector,
        [FromQuery(Name = "q")][Description("Case-insensitive text searched in the name, slug and token symbol.")] string? q,
        [FromQuery(Name = "sort")][Description("slug (default), name, or either prefixed with - for descending order.")]
        [QueryDefault(Vocabulary.DefaultProjectSort)] string? sort,
        CancellationToken cancellationToken)
    {
        var format = ContentNegotiation.Resolve(http.Request, resource.Format);
        var sortBy = QueryParsing.OneOf("sort", sort, Vocabulary.ProjectSorts) ?? Vocabulary.DefaultProjectSort;
        var query = new ProjectQuery
        {
            Sector = QueryParsing.OneOf("sector", sector, Vocabulary.Sectors),
            Search = SearchText.Read(q, rest.Options.MaxSearchTextLength),
            Sort = sortBy.TrimStart('-') == "name" ? ProjectSort.Name : ProjectSort.Slug,
            Descending = sortBy.StartsWith('-'),
        };
        var page = rest.Page(http, paging);
        var (session, read) = await rest.OpenAsync(http, resource.AsOf, s => s.ProjectsAsync(query with
        {
            After = page.After is [var value, var slug] ? (value, slug) : null,
            Limit = page.Limit + 1,
        }, cancellationToken), cancellationToken);
        var fetched = await read;
        var (items, info) = rest.Cut(http, page, fetched,
            p => [query.Sort == ProjectSort.Name ? p.Name : p.Slug, p.Slug]);
        var links = new Citations.Links(http.Request, session.Version.Id);
        var views = items.Select(p => ProjectView.Of(p, links.Project(p.Slug))).ToList();
        return Representation.List(format, session, views, info, ProjectView.Columns(), "projects");
    }

    public static async Task<Results<Ok<ItemResponse<ProjectDetailView>>, CsvResult<ProjectView>, PageResult,
        ProjectElsewhere>> GetAsync(HttpContext http, RestHandlerServices rest,
        [Description("The project's slug, e.g. aethir.")] string slug,
        [AsParameters] ResourceParameters resource, CancellationToken cancellationToken)
    {
        var format = ContentNegotiation.ResolveWithPage(http.Request, resource.Format);
        var csv = format == ResponseFormat.Csv;
        // Read as if the slug were the project's own; another name of it is answered with a redirect.
        var only = new[] { slug };
        var (session, reads) = await rest.OpenAsync(http, resource.AsOf, s => (
            Project: s.ProjectAsync(slug, cancellationToken),
            Revenue: csv ? null : s.RevenueAsync(new RevenueQuery { Projects = only }, cancellationToken),
            Mixes: csv ? null : s.SettlementMixAsync(new FigureQuery { Projects = only }, cancellationToken),
            Prices: csv ? null : s.LatestTokenPricesAsync(only, null, cancellationToken)), cancellationToken);
        var lookup = await ProjectResolution.ResolveAsync(http, session, slug, await reads.Project, cancellationToken);
        if (!lookup.Found)
            return lookup.Elsewhere;
        var project = lookup.Project;
        if (csv)
        {
            var links = new Citations.Links(http.Request, session.Version.Id);
            return Representation.ItemCsv(session, ProjectView.Of(project, links.Project(project.Slug)), ProjectView.Columns(), project.Slug);
        }
        // Every figure listed is the project's own, so its name is the only one the views need.
        var views = FigureViews.Create(http, session, [project]);
        var revenue = await reads.Revenue!;
        views.MarkPreferredRevenue(revenue);
        var latestRevenue = revenue
            .GroupBy(f => f.Metric)
            .SelectMany(metric => metric.Where(f => f.Quarter == metric.Max(x => x.Quarter)))
            .OrderBy(f => f.Metric, StringComparer.Ordinal).ThenBy(f => f.Id, StringComparer.Ordinal)
            .Select(f => views.Revenue(f))
            .ToList();
        var mixes = await reads.Mixes!;
        var latestMix = mixes.Count == 0 ? [] : mixes.Where(m => m.AsOf == mixes.Max(x => x.AsOf)).Select(views.SettlementMix).ToList();
        var price = (await reads.Prices!).SingleOrDefault();
        var l = views.Links;
        var detail = new ProjectDetailView(project.Slug, project.Name, project.Sector, project.SubTrack, project.TokenSymbol,
            project.Chain, project.Website, project.Description,
            new LatestFigures(latestRevenue, latestMix, price is null ? null : views.TokenPrice(price)),
            new ProjectLinks(l.Project(project.Slug), l.ProjectPart(project.Slug, "revenue"), l.ProjectPart(project.Slug, "settlement-mix"),
                l.ProjectPart(project.Slug, "token-prices"), l.ProjectPart(project.Slug, "metrics")));
        if (format == ResponseFormat.Html)
            return Pages.ResourcePages.Project(http, session, detail);
        return Representation.ItemJson(session, detail);
    }
}
