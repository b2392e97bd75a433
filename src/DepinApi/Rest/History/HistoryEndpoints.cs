using System.ComponentModel;
using System.Globalization;
using DepinApi.ReadModel;
using DepinApi.Rest.Infrastructure;
using DepinApi.Rest.Models;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace DepinApi.Rest.History;

/// <summary>/v1/changes (what each import did) and /v1/meta (what is served).</summary>
public static class HistoryEndpoints
{
    public static void MapHistoryEndpoints(this RouteGroupBuilder v1)
    {
        v1.MapGet("/changes", ChangesAsync).WithTags("History")
            .WithName("ListChanges")
            .WithSummary("What each data version added, changed or removed.")
            .WithDescription("One row per seed row and version, in version, table, id order; `version` narrows to one import. "
                             + "`url` shows the row in that version (or, for a removal, in the version before); it is null for the rows "
                             + "of tables the API has no page for (evidence, project_aliases).")
            .ProducesJsonOrCsv<ListResponse<ChangeView>>();
        v1.MapGet("/meta", MetaAsync).WithTags("History")
            .WithName("GetMeta")
            .WithSummary("The data version served, the last import, row counts and the methodology version.")
            .WithDescription("Also lists every data version up to the one served, with what its import changed.")
            .ProducesJsonOrCsv<ItemResponse<MetaView>>();
    }

    public static async Task<Results<Ok<ListResponse<ChangeView>>, CsvResult<ChangeView>>> ChangesAsync(HttpContext http, RestHandlerServices rest,
        [FromQuery(Name = "version")][Description("Only the changes of this data version (a whole number).")] string? version,
        [AsParameters] ResourceParameters resource, [AsParameters] PageParameters paging, CancellationToken cancellationToken)
    {
        var format = ContentNegotiation.Resolve(http.Request, resource.Format);
        int? only = null;
        if (!string.IsNullOrEmpty(version))
            only = int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v > 0
                ? v
                : throw new InvalidParameterException("version", "a data version number, a whole number from 1", version);
        var page = rest.Page(http, paging);
        var session = await rest.OpenAsync(http, resource.AsOf, cancellationToken);
        if (only > session.Version.Id)
            throw new DataVersionNotFoundException(AsOf.ForVersion(only.Value),
                DataVersionNotFoundException.Describe(only.Value, session.Version.Id))
            { Parameter = "version" };
        var after = page.After is [var afterVersion, var table, var id]
            ? (int.Parse(afterVersion, CultureInfo.InvariantCulture), table, id)
            : ((int, string, string)?)null;
        var changes = await session.ChangesAsync(new ChangeQuery { Version = only, After = after, Limit = page.Limit + 1 }, cancellationToken);
        var root = http.RequestServices.GetRequiredService<PublicUrls>().Of(http.Request, "/v1");
        var views = changes.Select(c => new ChangeView(c.Version, c.ImportedAt, c.Table, c.Id, c.Kind, UrlOf(root, c))).ToList();
        var (items, info) = rest.Cut(http, page, views,
            c => [c.Version.ToString(CultureInfo.InvariantCulture), c.Table, c.Id]);
        return Representation.List(format, session, items, info, ChangeView.Columns(), "changes");
    }

    public static async Task<Results<Ok<ItemResponse<MetaView>>, CsvResult<MetaView>>> MetaAsync(HttpContext http, RestHandlerServices rest,
        [AsParameters] ResourceParameters resource, CancellationToken cancellationToken)
    {
        var format = ContentNegotiation.Resolve(http.Request, resource.Format);
        var session = await rest.OpenAsync(http, resource.AsOf, cancellationToken);
        var counts = await session.CountsAsync(cancellationToken);
        var versions = await session.VersionsAsync(cancellationToken);
        var meta = new MetaView(Representation.Version(session), session.Version.ImportedAt, counts, DepinApi.Screening.Methodology.Version,
            versions.Select(v => new VersionView(v.Id, v.ImportedAt, v.Summary)).ToList());
        return Representation.Item(format, session, meta, MetaView.Columns(), "meta");
    }

    // A removed row no longer exists in its own version: link to the one before.
    private static string? UrlOf(string root, DataChange change)
    {
        var version = change.Kind == "removed" ? change.Version - 1 : change.Version;
        var path = change.Table switch
        {
            "revenue" => "revenue",
            "settlement_mix" => "settlement-mix",
            "token_prices" => "token-prices",
            "network_metrics" => "metrics",
            "sector_figures" => "sector-figures",
            "projects" => "projects",
            "sources" => "sources",
            _ => null,
        };
        return path is null || version < 1 ? null : $"{root}/{path}/{change.Id}?asOf={version.ToString(CultureInfo.InvariantCulture)}";
    }
}
