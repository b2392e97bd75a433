using System.ComponentModel;
using DepinApi.ReadModel;
using DepinApi.Rest.Infrastructure;
using DepinApi.Rest.Models;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DepinApi.Rest.Sources;

/// <summary>/v1/sources and /v1/sources/{id} with every figure that cites the source.</summary>
public static class SourceEndpoints
{
    public static void MapSourceEndpoints(this RouteGroupBuilder v1)
    {
        var tag = "Sources";
        v1.MapGet("/sources", ListAsync).WithTags(tag)
            .WithName("ListSources")
            .WithSummary("Every source the figures come from.")
            .WithDescription("Publisher, title, date as the source states it, kind (`disclosure`, `third_party_estimate`, `press`).")
            .ProducesJsonOrCsv<ListResponse<SourceListItem>>();
        v1.MapGet("/sources/{id}", GetAsync).WithTags(tag)
            .WithName("GetSource")
            .WithSummary("One source and every figure that cites it.")
            .WithDescription("Revenue, settlement mix, token prices (at most the maximum page size; `tokenPricesComplete` says "
                             + "whether that is all), network metrics and sector figures quoting this source. CSV gives the source row.")
            .ProducesJsonOrCsv<ItemResponse<SourceDetailView>>();
    }

    public static async Task<Results<Ok<ListResponse<SourceListItem>>, CsvResult<SourceListItem>>> ListAsync(HttpContext http, RestHandlerServices rest,
        [AsParameters] ResourceParameters resource, [AsParameters] PageParameters paging, CancellationToken cancellationToken)
    {
        var format = ContentNegotiation.Resolve(http.Request, resource.Format);
        var page = rest.Page(http, paging);
        var session = await rest.OpenAsync(http, resource.AsOf, cancellationToken);
        var links = new Citations.Links(http.Request, session.Version.Id);
        var sources = (await session.SourcesAsync(cancellationToken)).Select(s =>
            new SourceListItem(s.Id, s.Publisher, s.Title, s.PublishedOn, s.PublishedLabel, s.Kind, s.Url, links.Source(s.Id)));
        var (items, info) = rest.InMemory(http, page, sources, s => s.Id);
        return Representation.List(format, session, items, info, SourceListItem.Columns(), "sources");
    }

    public static async Task<Results<Ok<ItemResponse<SourceDetailView>>, CsvResult<SourceView>, ProblemHttpResult>> GetAsync(HttpContext http, RestHandlerServices rest,
        [Description("The source's id, e.g. blockeden-early-2026.")] string id,
        [AsParameters] ResourceParameters resource, CancellationToken cancellationToken)
    {
        var format = ContentNegotiation.Resolve(http.Request, resource.Format);
        var session = await rest.OpenAsync(http, resource.AsOf, cancellationToken);
        if (await session.SourceAsync(id, cancellationToken) is not { } source)
        {
            var known = (await session.SourcesAsync(cancellationToken)).Select(s => s.Id).ToList();
            var nearest = NearestNames.Nearest(id, known);
            return RestProblems.NotFound("source-not-found", "No such source.",
                $"No source has the id '{id}'.{(nearest is null ? "" : $" Did you mean '{nearest}'?")} GET /v1/sources lists them.",
                new Dictionary<string, object?> { ["parameter"] = "id", ["value"] = id, ["suggestion"] = nearest });
        }
        if (format == ResponseFormat.Csv)
            return Representation.ItemCsv(session, SourceView.Of(source), SourceView.Columns(), $"source-{id}");

        var views = await FigureViews.CreateAsync(http, session, cancellationToken);
        var cited = new FigureQuery { SourceId = id };
        var revenue = await session.RevenueAsync(new RevenueQuery { SourceId = id }, cancellationToken);
        await views.LoadPreferredRevenueAsync(session, revenue.Select(f => f.Project), cancellationToken);
        var mix = await session.SettlementMixAsync(cited, cancellationToken);
        var max = rest.Options.MaxLimit;
        var prices = new List<TokenPriceView>();
        await foreach (var price in session.TokenPricesAsync(new PriceQuery { SourceId = id, Limit = max + 1 }, cancellationToken))
            prices.Add(views.TokenPrice(price));
        var metrics = await session.NetworkMetricsAsync(cited, cancellationToken);
        var sector = await session.SectorFiguresAsync(cited, cancellationToken);
        var detail = new SourceDetailView(SourceView.Of(source),
            new SourceFigures(revenue.Select(f => views.Revenue(f)).ToList(), mix.Select(views.SettlementMix).ToList(),
                prices.Take(max).ToList(), metrics.Select(views.NetworkMetric).ToList(), sector.Select(views.SectorFigure).ToList()),
            TokenPricesComplete: prices.Count <= max);
        return Representation.ItemJson(session, detail);
    }
}
