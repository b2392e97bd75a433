using DepinApi.ReadModel;
using DepinApi.Rest.Infrastructure;
using DepinApi.Rest.Models;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DepinApi.Rest.Sectors;

/// <summary>/v1/sectors: the sector list with project counts.</summary>
public static class SectorEndpoints
{
    public static void MapSectorEndpoints(this RouteGroupBuilder v1)
    {
        v1.MapGet("/sectors", ListAsync).WithTags("Sectors")
            .WithName("ListSectors")
            .WithSummary("Every sector with the number of projects in it.")
            .WithDescription("All sectors the data model knows, including those without projects yet, with the slugs of their projects.")
            .ProducesJsonOrCsv<ListResponse<SectorView>>();
    }

    public static async Task<Results<Ok<ListResponse<SectorView>>, CsvResult<SectorView>>> ListAsync(HttpContext http, RestHandlerServices rest,
        [AsParameters] ResourceParameters resource, [AsParameters] PageParameters paging, CancellationToken cancellationToken)
    {
        var format = ContentNegotiation.Resolve(http.Request, resource.Format);
        var page = rest.Page(http, paging);
        var session = await rest.OpenAsync(http, resource.AsOf, cancellationToken);
        var projects = await session.ProjectsAsync(new ProjectQuery(), cancellationToken);
        var root = http.RequestServices.GetRequiredService<PublicUrls>().Of(http.Request, "/v1/projects");
        var sectors = Vocabulary.Sectors.Select(sector =>
        {
            var slugs = projects.Where(p => p.Sector == sector).Select(p => p.Slug).ToList();
            return new SectorView(sector, slugs.Count, slugs, $"{root}?sector={sector}");
        });
        var (items, info) = rest.InMemory(http, page, sectors, s => s.Sector);
        return Representation.List(format, session, items, info, SectorView.Columns(), "sectors");
    }
}
