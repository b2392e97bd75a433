using System.ComponentModel;
using DepinApi.OpenApi;
using DepinApi.Pages;
using DepinApi.Rest;
using DepinApi.Rest.Infrastructure;
using DepinApi.Screening;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace DepinApi.Rest.Screening;

/// <summary>/v1/screening and /v1/projects/{slug}/screening.</summary>
public static class ScreeningEndpoints
{
    public static void MapScreeningEndpoints(this RouteGroupBuilder v1)
    {
        v1.MapGet("/screening", ListAsync).WithTags("Screening")
            .WithName("ListScreening")
            .ServesPage()
            .WithSummary("Every project's screening score, ranked overall and within its sector.")
            .WithDescription("Seven components scored 0–100 from the data (settlement quality, reward funding, burn linkage, external "
                             + "demand, revenue momentum, revenue–price divergence, valuation), each with its formula id, inputs and "
                             + "coverage; a composite renormalised over the components present; ranks with ties shared. `sector` "
                             + "keeps one sector's projects, ordered by sector rank. Formulas and weights: docs/methodology.md.")
            .ProducesJsonOrCsv<ScreeningListResponse>();
        v1.MapGet("/projects/{slug}/screening", GetAsync).WithTags("Screening")
            .WithName("GetProjectScreening")
            .WithSummary("One project's screening: components, inputs, composite and ranks.")
            .WithDescription("Each component says which formula produced it, the figures and claims it used (value or label, source, "
                             + "as-of, quote) and the arithmetic to redo it by hand. A missing input leaves the component null and the "
                             + "composite renormalises over the rest. CSV: one row per component.")
            .ProducesJsonOrCsv<ProjectScreeningResponse>()
            .RedirectsRenamedSlugs();
    }

    public static async Task<Results<Ok<ScreeningListResponse>, CsvResult<ProjectScreening>, PageResult>> ListAsync(HttpContext http, RestHandlerServices rest, ScreeningService screening,
        [AsParameters] ResourceParameters resource, [AsParameters] PageParameters paging,
        [FromQuery(Name = "sector")][Description("Only projects of this sector: wireless, compute, storage, mapping, sensors, energy or bandwidth.")]
        [OpenApiExample("compute")] string? sector,
        CancellationToken cancellationToken)
    {
        var format = ContentNegotiation.ResolveWithPage(http.Request, resource.Format);
        var sectorFilter = QueryParsing.OneOf("sector", sector, Vocabulary.Sectors);
        var page = rest.Page(http, paging);
        var session = await rest.OpenAsync(http, resource.AsOf, cancellationToken);
        var report = await screening.ScreenAsync(session, sectorFilter, cancellationToken);
        // Positions in the ranked order, zero-padded so they sort ordinally.
        var positioned = report.Projects.Select((p, i) => (Position: i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture), Project: p));
        var (items, info) = rest.InMemory(http, page, positioned, p => p.Position);
        var projects = items.Select(p => p.Project).ToList();
        if (format == ResponseFormat.Csv)
            return new CsvResult<ProjectScreening>(projects, ScreeningCsv.ProjectRows(), Representation.FileName("screening", session));
        if (format == ResponseFormat.Html)
            return Pages.ResourcePages.Screening(http, session, sectorFilter, projects, info);
        return TypedResults.Ok(new ScreeningListResponse(Representation.Version(session), MethodologyRef.Current, projects, info));
    }

    public static async Task<Results<Ok<ProjectScreeningResponse>, CsvResult<ScreeningCsv.ComponentRow>,
        ProjectElsewhere>> GetAsync(HttpContext http, RestHandlerServices rest, ScreeningService screening,
        [Description("The project's slug, e.g. helium.")] string slug,
        [AsParameters] ResourceParameters resource, CancellationToken cancellationToken)
    {
        var format = ContentNegotiation.Resolve(http.Request, resource.Format);
        var (session, lookup) = await rest.OpenForProjectAsync(http, resource.AsOf, slug, cancellationToken);
        if (!lookup.Found)
            return lookup.Elsewhere;
        var project = lookup.Project;
        var result = (await screening.ProjectAsync(session, project.Slug, cancellationToken))!;
        if (format == ResponseFormat.Csv)
            return new CsvResult<ScreeningCsv.ComponentRow>(ScreeningCsv.Rows(result), ScreeningCsv.ComponentRows(),
                Representation.FileName(project.Slug + "-screening", session));
        return TypedResults.Ok(new ProjectScreeningResponse(Representation.Version(session), MethodologyRef.Current, result));
    }
}
