using DepinApi.Charts;
using DepinApi.Pages;
using DepinApi.ReadModel;
using DepinApi.Rest.Infrastructure;
using DepinApi.Rest.Models;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DepinApi.Rest.Figures;

/// <summary>
/// The answer of every single-figure permalink (<c>/v1/revenue/{id}</c>, <c>/v1/token-prices/{id}</c> …): the figure
/// in the version asked for, with its citation, as JSON, one CSV row or a PNG preview card; a 404 that names the id
/// when it is not there.
/// </summary>
internal static class FigurePermalink
{
    /// <param name="kind">What the figure is called in the 404 ("revenue figure", "token price" …).</param>
    /// <param name="lookup">Finds the figure by id in the session's version (see <see cref="FigureLookup"/>).</param>
    /// <param name="view">Maps the figure to the view the list endpoints show for it.</param>
    /// <param name="card">The figure (and its view) as a preview card, given the card's footer.</param>
    public static async Task<Results<Ok<ItemResponse<TView>>, CsvResult<TView>, PageResult, ChartResult, ProblemHttpResult>> RespondAsync<TFigure, TView>(HttpContext http, RestHandlerServices rest, string id,
        ResourceParameters resource, string kind,
        Func<ReadSession, string, CancellationToken, Task<TFigure?>> lookup,
        Func<FigureViews, TFigure, TView> view, CsvColumns<TView> columns, Func<FigureViews, TFigure, TView, string, FigureCard> card,
        CancellationToken cancellationToken)
        where TFigure : class
    {
        var format = ContentNegotiation.ResolveWithPage(http.Request, resource.Format, ResponseFormats.Figure);
        var session = await rest.OpenAsync(http, resource.AsOf, cancellationToken);
        if (await lookup(session, id, cancellationToken) is not { } figure)
            return FigureLookup.NotFound(kind, id, session);
        var views = await FigureViews.CreateAsync(http, session, cancellationToken);
        if (format == ResponseFormat.Html)
            return await Pages.FigurePages.RenderAsync(http, session, views, figure, cancellationToken);
        var shown = view(views, figure);
        if (ChartResponses.IsImage(format))
            return ChartResponses.Card(format, session, card(views, figure, shown, SeriesCharts.Footer(Representation.Version(session))), id);
        return format == ResponseFormat.Csv ? Representation.ItemCsv(session, shown, columns, id) : Representation.ItemJson(session, shown);
    }
}
