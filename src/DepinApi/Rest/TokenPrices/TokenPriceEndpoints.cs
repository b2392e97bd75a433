using System.ComponentModel;
using System.Globalization;
using System.Runtime.CompilerServices;
using DepinApi.Charts;
using DepinApi.OpenApi;
using DepinApi.Pages;
using DepinApi.ReadModel;
using DepinApi.Rest.Figures;
using DepinApi.Rest.Infrastructure;
using DepinApi.Rest.Models;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace DepinApi.Rest.TokenPrices;

/// <summary>Token price series per project (long: keyset pages, or the whole series as one CSV up to the response size limit), prices on a day, single figures.</summary>
public static class TokenPriceEndpoints
{
    public static void MapTokenPriceEndpoints(this RouteGroupBuilder v1)
    {
        var tag = "Token prices";
        v1.MapGet("/projects/{slug}/token-prices", SeriesAsync).WithTags(tag)
            .WithName("ListProjectTokenPrices")
            .ServesPage()
            .WithSummary("A project's token prices and price changes, by date.")
            .WithDescription("Prices in USD and changes over 30 days, 90 days and a year (fractions: -0.5 is -50%) in date, id "
                             + "order, between `from` and `to`. JSON comes in keyset pages (`limit`, `cursor`, `Link: rel=\"next\"`). "
                             + "CSV without `limit` or `cursor` is the whole series in one response, up to the response size limit "
                             + "(longer is a 400 response-too-large); with them it is paged like JSON.")
            .ProducesJsonOrCsv<ListResponse<TokenPriceView>>()
            .OffersFormats(ResponseFormats.Series)
            .RedirectsRenamedSlugs();
        v1.MapGet("/token-prices", OnDateAsync).WithTags(tag)
            .WithName("ListTokenPricesOnDate")
            .WithSummary("Each project's newest stated token price on or before a date.")
            .WithDescription("One row per project: its newest row that states a price, dated on or before `date` (default: "
                             + "the newest of all). Rows that only state a change are left out; they are in the project's series.")
            .ProducesJsonOrCsv<ListResponse<TokenPriceView>>();
        v1.MapGet("/token-prices/{id}", FigureAsync).WithTags(tag)
            .WithName("GetTokenPrice")
            .ServesPage()
            .WithSummary("One token price figure by its permanent id (its permalink).")
            .WithDescription("The figure with source, quote and citation; `asOf` shows it as a given data version served it.")
            .ProducesJsonOrCsv<ItemResponse<TokenPriceView>>()
            .OffersFormats(ResponseFormats.Figure);
    }

    public static async Task<Results<Ok<ListResponse<TokenPriceView>>, CsvResult<TokenPriceView>, PageResult, ChartResult,
        ProjectElsewhere, ProblemHttpResult>> SeriesAsync(HttpContext http, RestHandlerServices rest,
        [Description("The project's slug, e.g. helium.")] string slug,
        [FromQuery(Name = "from")][Description("First date, YYYY-MM-DD.")] string? from,
        [FromQuery(Name = "to")][Description("Last date, YYYY-MM-DD.")] string? to,
        [FromQuery(Name = "date")][Description("Only this date, YYYY-MM-DD (the same as from and to both that date); not with from or to.")] string? date,
        [FromQuery(Name = "mark")][Description("With format=svg or png: the id of a figure the chart draws, singled out in another colour (a figure page marks its figure so).")]
        [OpenApiExample("helium-2026-06-01-price")] string? mark,
        [AsParameters] ResourceParameters resource, [AsParameters] PageParameters paging, CancellationToken cancellationToken)
    {
        var format = ContentNegotiation.ResolveWithPage(http.Request, resource.Format, ResponseFormats.Series);
        if (ChartResponses.IsImage(format) && ChartResponses.PagingRefusal(paging) is { } pagingRefused)
            format = ChartResponses.InsteadOfChart(http.Request, resource, mark, withPage: true, pagingRefused);
        ChartResponses.RejectMarkWithout(format, mark);
        var day = QueryParsing.Date("date", date);
        if (day is not null && (!string.IsNullOrEmpty(from) || !string.IsNullOrEmpty(to)))
            throw new InvalidParameterException("date", "either date or from/to, not both", date,
                "The parameter 'date' names one day; leave out 'from' and 'to' with it, or use them without it.");
        var first = day ?? QueryParsing.Date("from", from);
        var last = day ?? QueryParsing.Date("to", to);
        QueryParsing.InOrder("from", first, "to", last);
        var page = rest.Page(http, paging);
        if (ChartResponses.IsImage(format))
        {
            var (chartSession, chartLookup) = await rest.OpenForProjectAsync(http, resource.AsOf, slug, cancellationToken);
            if (!chartLookup.Found)
                return chartLookup.Elsewhere;
            var views = await FigureViews.CreateAsync(http, chartSession, cancellationToken);
            var max = rest.Options.MaxChartPoints;
            var prices = new List<TokenPriceView>();
            var query = new PriceQuery { Projects = [chartLookup.Project.Slug], From = first, To = last, Limit = max + 1 };
            await foreach (var price in chartSession.TokenPricesAsync(query, cancellationToken))
                prices.Add(views.TokenPrice(price));
            if (ChartResponses.PointsRefusal(prices.Count, max) is not { } refused)
            {
                var chart = ChartResponses.Mark(SeriesCharts.TokenPrices(chartLookup.Project.Name, prices,
                    SeriesCharts.Footer(Representation.Version(chartSession))), mark);
                return ChartResponses.Chart(format, chartSession, chart, FileStem(chartLookup.Project));
            }
            // Read again below as the representation the Accept header takes instead: rarely, and only for a long series.
            format = ChartResponses.InsteadOfChart(http.Request, resource, mark, withPage: true, refused);
        }
        var wholeSeries = format == ResponseFormat.Csv && string.IsNullOrEmpty(paging.Limit) && string.IsNullOrEmpty(paging.Cursor);
        if (wholeSeries && await rest.AwaitBulkExportAsync(http, cancellationToken) is { } refusal)
            return refusal;
        // A page: the project and its prices in one statement; the whole series: statement by statement.
        if (!wholeSeries)
            return await PageAsync(http, rest, slug, format, page, first, last, resource.AsOf, cancellationToken);
        var (session, lookup) = await rest.OpenForProjectAsync(http, resource.AsOf, slug, cancellationToken);
        if (!lookup.Found)
            return lookup.Elsewhere;
        var project = lookup.Project;
        var wholeViews = await FigureViews.CreateAsync(http, session, cancellationToken);
        var stem = FileStem(project);

        // The whole series in one document, bounded like every response by Rest:MaxResponseBytes. No
        // row is shorter than MinimumCsvRowBytes, so reading one row more than that many could fill
        // tells a series too long for one response without reading it to its end.
        var maxRows = (int)Math.Min(int.MaxValue - 1, rest.Options.MaxResponseBytes / MinimumCsvRowBytes);
        var rows = session.TokenPricesAsync(new PriceQuery { Projects = [project.Slug], From = first, To = last, Limit = maxRows + 1 }, cancellationToken);
        return new CsvResult<TokenPriceView>(Map(rows, wholeViews, maxRows, rest.Options.MaxResponseBytes, cancellationToken),
            TokenPriceView.Columns(), Representation.FileName(stem, session));
    }

    /// <summary>The name a project's price series is downloaded under, before its extension.</summary>
    private static string FileStem(Project project) => $"{project.Slug}-token-prices";

    /// <summary>
    /// A page of the series: the project and the page read in one statement (<see cref="ReadSession.ProjectTokenPricesAsync"/>),
    /// as if the slug were the project's own; another name of it is answered with a redirect.
    /// </summary>
    private static async Task<Results<Ok<ListResponse<TokenPriceView>>, CsvResult<TokenPriceView>, PageResult, ChartResult,
        ProjectElsewhere, ProblemHttpResult>> PageAsync(HttpContext http, RestHandlerServices rest, string slug, ResponseFormat format,
        PageRequest page, DateOnly? first, DateOnly? last, string? asOf, CancellationToken cancellationToken)
    {
        var after = page.After is [var afterDate, var id]
            ? (slug, DateOnly.ParseExact(afterDate, "yyyy-MM-dd", CultureInfo.InvariantCulture), id)
            : ((string, DateOnly, string)?)null;
        var query = new PriceQuery { Projects = [slug], From = first, To = last, After = after, Limit = page.Limit + 1 };
        var (session, lookup, rows) = await rest.OpenForProjectAsync<TokenPrice?>(http, asOf, slug,
            s => s.ProjectTokenPricesAsync(slug, query, cancellationToken), cancellationToken);
        if (!lookup.Found)
            return lookup.Elsewhere;
        var project = lookup.Project;
        // Every price is the project's own, so its name is the only one the views need.
        var views = FigureViews.Create(http, session, [project]);
        var fetched = rows.Where(r => r.Row is not null).Select(r => views.TokenPrice(r.Row!)).ToList();
        var (items, info) = rest.Cut(http, page, fetched,
            p => [p.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), p.Id]);
        if (format == ResponseFormat.Html)
            return Pages.ResourcePages.PriceSeries(http, session, project.Name, items, info);
        return format == ResponseFormat.Csv
            ? Representation.ListCsv(session, items, TokenPriceView.Columns(), FileStem(project))
            : Representation.ListJson(session, items, info);
    }

    public static async Task<Results<Ok<ListResponse<TokenPriceView>>, CsvResult<TokenPriceView>>> OnDateAsync(HttpContext http, RestHandlerServices rest,
        [FromQuery(Name = "date")][Description("The day, YYYY-MM-DD; each project's newest price on or before it. Default: the newest.")] string? date,
        [FromQuery(Name = "project")][Description("Only these projects (comma-separated slugs, e.g. helium,akash; token symbols and names work too).")]
        [OpenApiExample("helium")] string? project,
        [AsParameters] ResourceParameters resource, [AsParameters] PageParameters paging, CancellationToken cancellationToken)
    {
        var format = ContentNegotiation.Resolve(http.Request, resource.Format);
        var day = QueryParsing.Date("date", date);
        var page = rest.Page(http, paging);
        var session = await rest.OpenAsync(http, resource.AsOf, cancellationToken);
        var projects = await ProjectResolution.SlugsAsync(session, "project", project, cancellationToken);
        var views = await FigureViews.CreateAsync(http, session, cancellationToken);
        var prices = await session.LatestTokenPricesAsync(projects, day, cancellationToken);
        var (items, info) = rest.InMemory(http, page, prices.Select(views.TokenPrice), p => p.Project);
        var stem = day is { } d ? $"token-prices-{d:yyyy-MM-dd}" : "token-prices-latest";
        return Representation.List(format, session, items, info, TokenPriceView.Columns(), stem);
    }

    public static Task<Results<Ok<ItemResponse<TokenPriceView>>, CsvResult<TokenPriceView>, PageResult, ChartResult, ProblemHttpResult>> FigureAsync(HttpContext http, RestHandlerServices rest,
        [Description("The figure's id, e.g. helium-2026-06-01-price.")] string id,
        [AsParameters] ResourceParameters resource, CancellationToken cancellationToken) =>
        FigurePermalink.RespondAsync(http, rest, id, resource, "token price", FigureLookup.TokenPriceAsync,
            (views, f) => views.TokenPrice(f), TokenPriceView.Columns(),
            (views, _, v, footer) => FigureCards.TokenPrice(v, views.ProjectName(v.Project), footer), cancellationToken);

    // Its permalink and its citation (which repeats the permalink) alone are longer.
    private const int MinimumCsvRowBytes = 100;

    private static async IAsyncEnumerable<TokenPriceView> Map(IAsyncEnumerable<TokenPrice> prices, FigureViews views,
        int maxRows, long maxResponseBytes, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var count = 0;
        await foreach (var price in prices.WithCancellation(cancellationToken))
        {
            if (++count > maxRows)
                throw new RestResponseTooLargeException(maxResponseBytes);
            yield return views.TokenPrice(price);
        }
    }
}
