using System.ComponentModel;
using DepinApi.OpenApi;
using DepinApi.RateLimiting;
using DepinApi.ReadModel;
using DepinApi.Rest.Infrastructure;
using DepinApi.Rest.Models;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace DepinApi.Rest.Figures;

/// <summary>/v1/figures: one search across every kind of figure.</summary>
public static class FigureSearchEndpoints
{
    public static void MapFigureSearchEndpoints(this RouteGroupBuilder v1)
    {
        v1.MapGet("/figures", SearchAsync).WithTags("Figures")
            .WithName("SearchFigures")
            .WithSummary("Every figure of every kind, searched by words and filtered by project, metric and period.")
            .WithDescription("Revenue, settlement mix, token prices, network metrics and sector figures in one list, in kind, id "
                             + "order, each with its permalink. `q` keeps figures whose metric (e.g. `annualized revenue`), project "
                             + "name, slug or token symbol, or quote contains every word of it, ignoring case; `project`, `metric` and `period` "
                             + "filter exactly. Settlement mix figures have the metric `settlement_mix`, token prices `token_price`.")
            .ProducesJsonOrCsv<ListResponse<FigureHitView>>();
    }

    public static async Task<IResult> SearchAsync(
        HttpContext http, RestHandlerServices rest, CurrentListBounds bounds,
        [FromQuery(Name = "q")][Description("Words that must all occur, ignoring case, in the metric, the project's name, slug or token symbol, or the quote.")]
        [OpenApiExample("helium revenue")] string? q,
        [FromQuery(Name = "project")][Description("Only these projects (comma-separated slugs, e.g. helium,akash; token symbols and names work too).")]
        [OpenApiExample("helium")] string? project,
        [FromQuery(Name = "metric")][Description("Only this metric, as the API writes it (lower case), e.g. annualized_external_revenue, settlement_mix or token_price.")]
        [OpenApiExample("annualized_external_revenue")] string? metric,
        [FromQuery(Name = "period")][Description("Only this period, as the figures write it: a quarter (2026Q2; in either case, as every quarter parameter), a date (2026-06-01) or a metric's period (2026, 2025-01/2025-09).")]
        [OpenApiExample("2026Q2")] string? period,
        [AsParameters] ResourceParameters resource, [AsParameters] PageParameters paging, CancellationToken cancellationToken)
    {
        var format = ContentNegotiation.Resolve(http.Request, resource.Format);
        var words = Words(q, rest.Options.MaxSearchTextLength, rest.Options.MaxSearchWords);
        var page = rest.Page(http, paging);
        var session = await rest.OpenAsync(http, resource.AsOf, cancellationToken);
        var projects = await ProjectResolution.SlugsAsync(session, "project", project, cancellationToken);
        var search = new FigureSearch
        {
            Words = words,
            Projects = projects,
            Metric = string.IsNullOrEmpty(metric) ? null : metric,
            // A quarter is read as every other quarter parameter reads it (2026q2 is 2026Q2); other periods as written.
            Period = string.IsNullOrEmpty(period) ? null : Quarter.TryParse(period, out var quarter) ? quarter.ToString() : period,
            After = page.After is [var kind, var id] ? (kind, id) : null,
            Limit = page.Limit + 1,
        };
        if (!await ChargeFigureReadsAsync(http, search, bounds.Value, rest.Options.SearchFigureReadsPerPoint))
            return new RateLimitRefusalResult();
        var links = new Citations.Links(http.Request, session.Version.Id);
        var fetched = (await session.SearchFiguresAsync(search, cancellationToken)).Select(h => FigureHitView.Of(h, links)).ToList();
        if (fetched.Count == 0 && (search.Metric is not null || search.Period is not null))
            await RefuseUnstatedFiltersAsync(session, search, cancellationToken);
        var (items, info) = rest.Cut(http, page, fetched, f => [f.Kind, f.Id]);
        return Representation.List(format, session, items, info, FigureHitView.Columns(), "figures").Result;
    }

    // Every figure the project filter allows is read to list the matches, read again for each word's pattern, and
    // once more to check a metric or period that matched nothing: with a long price series in the data that is a
    // scan no page size bounds, so it is charged by how many figures there can be, before it runs.
    private static async ValueTask<bool> ChargeFigureReadsAsync(HttpContext http, FigureSearch search, ListBounds? bounds, int readsPerPoint)
    {
        if (bounds is null || readsPerPoint <= 0)
            return true;
        var passes = 1 + (search.Words?.Count ?? 0) + (search.Metric is not null || search.Period is not null ? 1 : 0);
        var points = bounds.FiguresAtMost(search.Projects) * passes / readsPerPoint;
        return points <= 0 || await WorkCharge.ChargeAsync(http, points);
    }

    // A metric or period no figure states is a misspelling, not an empty answer: like every other endpoint's
    // filters, it is refused with what would do.
    private static async Task RefuseUnstatedFiltersAsync(ReadSession session, FigureSearch search, CancellationToken cancellationToken)
    {
        var (metrics, periodStated) = await session.FigureVocabularyAsync(search.Period, cancellationToken);
        // Compared as written, as every metric parameter is (ANNUALIZED_EXTERNAL_REVENUE is GraphQL's spelling, not
        // REST's), so the refusal names the API's spelling when the case alone differs.
        if (search.Metric is { } metric
            && QueryParsing.NotOneOf("metric", metric, metrics, expected: "a metric some figure states: " + string.Join(", ", metrics)) is { } refused)
            throw refused;
        if (search.Period is { } period && !periodStated)
            throw new InvalidParameterException("period",
                "a period some figure states, as the figures write it: a quarter (2026Q2), a date (2026-06-01) or a metric's period (2026)", period);
    }

    private static string[]? Words(string? q, int maxLength, int maxWords)
    {
        var words = SearchText.Read(q, maxLength)?.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        if (words?.Length > maxWords)
            throw new InvalidParameterException("q", $"at most {maxWords} distinct words", q!,
                $"The parameter 'q' has {words.Length} distinct words; at most {maxWords} are matched (Rest:MaxSearchWords).");
        return words;
    }
}
