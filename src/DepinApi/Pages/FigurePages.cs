using DepinApi.ReadModel;
using DepinApi.Rest.Citations;
using DepinApi.Rest.Models;

namespace DepinApi.Pages;

/// <summary>
/// Builds a figure permalink's page from the figure the permalink read and the view its JSON serves; the series
/// around it and its revisions come from the read model, like every other read.
/// </summary>
internal static class FigurePages
{
    // Enough rows to show a figure in its context; a daily price series longer than this shows its newest stretch.
    private const int MaxSeriesRows = 120;

    public static async Task<PageResult> RenderAsync(HttpContext http, ReadSession session, FigureViews views, object figure,
        CancellationToken cancellationToken)
    {
        var urls = new PageUrls(http.Request);
        var model = figure switch
        {
            RevenueFigure f => await RevenueAsync(urls, session, views, f, cancellationToken),
            TokenPrice f => await TokenPriceAsync(urls, session, views, f, cancellationToken),
            SettlementMix f => await SettlementMixAsync(urls, session, views, f, cancellationToken),
            NetworkMetric f => await NetworkMetricAsync(urls, session, views, f, cancellationToken),
            SectorFigure f => await SectorFigureAsync(urls, session, views, f, cancellationToken),
            _ => throw new ArgumentException($"No page for a {figure.GetType().Name}.", nameof(figure)),
        };
        return PageResult.Of<Components.FigurePage>(model);
    }

    private static async Task<FigurePageModel> RevenueAsync(PageUrls urls, ReadSession session, FigureViews views, RevenueFigure f,
        CancellationToken cancellationToken)
    {
        var name = views.ProjectName(f.Project);
        var revenueView = views.Revenue(f);
        var view = FigureFacts.Of(revenueView);
        var statement = Citation.RevenueStatement(f, name);
        var series = await session.RevenueAsync(new RevenueQuery { Projects = [f.Project], Metrics = [f.Metric] }, cancellationToken);
        var rows = series.Select(x => Row(Citation.RevenueStatement(x, name), x.Basis, x.Source, views.Links.Revenue(x.Id), x.Id == f.Id)).ToList();
        var version = PageUrls.Version(session.Version.Id);
        // The chart draws each quarter's preferred statement; another statement of a quarter is marked in the table only.
        var marked = revenueView.Preferred;
        var chart = new ChartRef(urls.Api($"/v1/projects/{f.Project}/revenue", ("metric", f.Metric), ("asOf", version), ("format", "svg"),
                ("mark", marked ? f.Id : null)),
            $"Bar chart of {name}'s {MetricNames.Of(f.Metric)} by quarter" + (marked ? $", {statement.Period} marked" : ""),
            $"{name} {MetricNames.Of(f.Metric)} by quarter, USD. " + (marked
                ? $"The figure of this page, {statement.Period}, is the orange bar."
                : $"The figure of this page ({statement.Period}) is another statement of that quarter than the one drawn."));
        var query = $$"""
            {
              project(slug: "{{f.Project}}", asOf: "{{version}}") {
                revenue(from: "{{f.Quarter}}", to: "{{f.Quarter}}", metric: {{f.Metric.ToUpperInvariant()}}) {
                  id quarter metric amountUsd basis qualifier quote permalink citation
                  source { publisher title publishedLabel url }
                }
              }
            }
            """;
        return await ModelAsync(urls, session, FigureTable.Revenue, "revenue", statement, view, [Candidates(f.AmountUsd, money: true)],
            chart, Table("Every figure of this series", rows), query, name, urls.Api($"/v1/projects/{f.Project}"), cancellationToken);
    }

    private static async Task<FigurePageModel> TokenPriceAsync(PageUrls urls, ReadSession session, FigureViews views, TokenPrice f,
        CancellationToken cancellationToken)
    {
        var name = views.ProjectName(f.Project);
        var view = FigureFacts.Of(views.TokenPrice(f));
        var statement = Citation.TokenPriceStatement(f, name);
        var rows = (await SeriesAroundAsync(session, f, cancellationToken))
            .Select(x => Row(Citation.TokenPriceStatement(x, name), Domain.Vocabularies.MarketPriceBasis, x.Source, views.Links.TokenPrice(x.Id), x.Id == f.Id))
            .ToList();
        var version = PageUrls.Version(session.Version.Id);
        // Rows that state only a change are not drawn on the price line.
        var marked = f.PriceUsd is not null;
        var chart = new ChartRef(urls.Api($"/v1/projects/{f.Project}/token-prices", ("asOf", version), ("format", "svg"),
                ("mark", marked ? f.Id : null)),
            $"Line chart of the {f.TokenSymbol} token price over time" + (marked ? $", {statement.Period} marked" : ""),
            $"{name} ({f.TokenSymbol}) token price, USD. " + (marked
                ? $"The figure of this page ({statement.Period}) is the larger orange dot."
                : $"The figure of this page ({statement.Period}) states a change, not a price, and is not on the line."));
        var day = f.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var query = $$"""
            {
              project(slug: "{{f.Project}}", asOf: "{{version}}") {
                tokenPrices(from: "{{day}}", to: "{{day}}") {
                  id date priceUsd change30d change90d change1y qualifier quote permalink citation
                  source { publisher title publishedLabel url }
                }
              }
            }
            """;
        // A change is a fraction the source writes as a per cent ("120.82%", "fallen 93%"); each stated one is marked.
        var candidates = new[] { f.PriceUsd, f.Change30d, f.Change90d, f.Change1y }
            .Select((value, i) => value is { } v ? (i == 0 ? Candidates(v, money: true) : Candidates(v, money: false, fraction: true)) : [])
            .ToList();
        return await ModelAsync(urls, session, FigureTable.TokenPrices, "token-prices", statement, view, candidates,
            chart, Table("Every price of this token", Newest(rows)), query, name, urls.Api($"/v1/projects/{f.Project}"), cancellationToken);
    }

    private static async Task<FigurePageModel> SettlementMixAsync(PageUrls urls, ReadSession session, FigureViews views, SettlementMix f,
        CancellationToken cancellationToken)
    {
        var name = views.ProjectName(f.Project);
        var view = FigureFacts.Of(views.SettlementMix(f));
        var statement = Citation.SettlementMixStatement(f, name);
        var series = await session.SettlementMixAsync(new FigureQuery { Projects = [f.Project] }, cancellationToken);
        var rows = series.Select(x => Row(Citation.SettlementMixStatement(x, name), x.Basis, x.Source, views.Links.SettlementMix(x.Id), x.Id == f.Id)).ToList();
        var version = PageUrls.Version(session.Version.Id);
        var chart = new ChartRef(urls.Api($"/v1/projects/{f.Project}/settlement-mix", ("asOf", version), ("format", "svg"), ("mark", f.Id)),
            $"Stacked chart of the shares of {name}'s fees settled in stablecoins and in its token, {statement.Period} marked",
            $"{name} settlement mix: shares of fees by settlement currency. The figure of this page ({statement.Period}) is the column underlined in orange.");
        var query = $$"""
            {
              project(slug: "{{f.Project}}", asOf: "{{version}}") {
                settlementMix {
                  id date stablecoinShare nativeShare label basis qualifier quote permalink citation
                  source { publisher title publishedLabel url }
                }
              }
            }
            """;
        var candidates = new[] { f.StablecoinShare, f.NativeShare }.Select(value => value is { } v ? Candidates(v, money: false, fraction: true) : []).ToList();
        // A mix the source gives only as a label ("mainly settle in native tokens") states no number to mark or qualify.
        return await ModelAsync(urls, session, FigureTable.SettlementMix, "settlement-mix", statement, view, candidates,
            chart, Table("Every settlement mix figure of this project", rows), query, name, urls.Api($"/v1/projects/{f.Project}"), cancellationToken,
            statesNumber: f.StablecoinShare is not null || f.NativeShare is not null);
    }

    private static async Task<FigurePageModel> NetworkMetricAsync(PageUrls urls, ReadSession session, FigureViews views, NetworkMetric f,
        CancellationToken cancellationToken)
    {
        var name = views.ProjectName(f.Project);
        var view = FigureFacts.Of(views.NetworkMetric(f));
        var statement = Citation.NetworkMetricStatement(f, name);
        var series = (await session.NetworkMetricsAsync(new FigureQuery { Projects = [f.Project] }, cancellationToken))
            .Where(x => x.Metric == f.Metric).ToList();
        var rows = series.Select(x => Row(Citation.NetworkMetricStatement(x, name), x.Basis, x.Source, views.Links.NetworkMetric(x.Id), x.Id == f.Id)).ToList();
        var version = PageUrls.Version(session.Version.Id);
        var chart = new ChartRef(urls.Api($"/v1/projects/{f.Project}/metrics", ("metric", f.Metric), ("asOf", version), ("format", "svg"),
                ("mark", f.Id)),
            $"Line chart of {name}'s {MetricNames.Of(f.Metric)} over time, {statement.Period} marked",
            $"{name} {MetricNames.Of(f.Metric)} ({f.Unit}). The figure of this page ({statement.Period}) is the larger orange dot.");
        var query = $$"""
            {
              project(slug: "{{f.Project}}", asOf: "{{version}}") {
                metrics(metric: "{{f.Metric}}") {
                  id period metric value valueMax unit basis qualifier quote permalink citation
                  source { publisher title publishedLabel url }
                }
              }
            }
            """;
        var candidates = Measured(f.Metric, f.Value, f.ValueMax, f.Unit, f.Quote);
        return await ModelAsync(urls, session, FigureTable.NetworkMetrics, "metrics", statement, view, candidates,
            chart, Table("Every figure of this metric", rows), query, name, urls.Api($"/v1/projects/{f.Project}"), cancellationToken);
    }

    private static async Task<FigurePageModel> SectorFigureAsync(PageUrls urls, ReadSession session, FigureViews views, SectorFigure f,
        CancellationToken cancellationToken)
    {
        var view = FigureFacts.Of(views.SectorFigure(f));
        var statement = Citation.SectorFigureStatement(f);
        var series = (await session.SectorFiguresAsync(new FigureQuery { Projects = [f.Scope] }, cancellationToken))
            .Where(x => x.Metric == f.Metric).ToList();
        var rows = series.Select(x => Row(Citation.SectorFigureStatement(x), x.Basis, x.Source, views.Links.SectorFigure(x.Id), x.Id == f.Id)).ToList();
        var version = PageUrls.Version(session.Version.Id);
        var query = $$"""
            {
              sectorFigures(scope: {{f.Scope.ToUpperInvariant()}}, asOf: "{{version}}") {
                id period metric value valueMax unit basis qualifier quote permalink citation
                source { publisher title publishedLabel url }
              }
            }
            """;
        var candidates = Measured(f.Metric, f.Value, f.ValueMax, f.Unit, f.Quote);
        // Sector figures mix metrics and scopes; there is no one series to draw, so the table is the context.
        return await ModelAsync(urls, session, FigureTable.SectorFigures, "sector-figures", statement, view, candidates,
            null, Table("Every figure of this metric", rows), query, null, null, cancellationToken);
    }

    private static async Task<FigurePageModel> ModelAsync(PageUrls urls, ReadSession session, FigureTable table, string path,
        FigureStatement statement, FigureFacts view, IEnumerable<IEnumerable<string>> candidates, ChartRef? chart, PageTable series,
        string graphQLQuery, string? projectName, string? projectUrl, CancellationToken cancellationToken, bool statesNumber = true)
    {
        var revisions = await session.FigureRevisionsAsync(table, view.Id, cancellationToken);
        var read = session.Version.Id;
        var shown = revisions.FirstOrDefault(r => r.ValidFrom <= read && (r.ValidTo is null || r.ValidTo > read));
        var revisionRows = revisions.Select(r => new PageRow(
            [r.ValidTo is { } to
                ? to - 1 == r.ValidFrom ? $"Data version {r.ValidFrom}" : $"Data versions {r.ValidFrom} to {to - 1}"
                : $"Data version {r.ValidFrom} onwards (current)"],
            urls.Api($"/v1/{path}/{view.Id}", ("asOf", PageUrls.Version(r.ValidFrom))), r == shown)).ToList();
        var frame = PageFrames.Create(urls, session,
            title: $"{statement.Heading}: {statement.Value}",
            description: $"{statement.Reading}. Source: {view.Source.Publisher}, “{view.Source.Title}”, {view.Source.PublishedLabel}.",
            canonicalUrl: view.Permalink,
            previewImageUrl: PageUrls.AddFormat(view.Permalink, "png"),
            jsonUrl: PageUrls.AddFormat(view.Permalink, "json"),
            csvUrl: PageUrls.AddFormat(view.Permalink, "csv"));
        var graphQLUrl = urls.Api("/graphql", ("query", graphQLQuery));
        // The figure as its citation words it comes first: where the quote says it so ("35-40%", "10x or more", "more than
        // doubling"), that is what is marked, whole; otherwise each of its numbers, in the ways the source may write them.
        var highlight = QuoteHighlight.Find(view.Quote, [[statement.Value], .. candidates]);
        return new FigurePageModel(frame, statement, view, highlight,
            shown is { ValidTo: null }, revisionRows, chart, series, graphQLQuery, graphQLUrl, projectName, projectUrl, statesNumber);
    }

    private static PageRow Row(FigureStatement statement, string basis, Source source, string permalink, bool isThis) =>
        new([statement.Period, statement.Value, basis, source.Publisher], permalink, isThis);

    private static PageTable Table(string caption, IReadOnlyList<PageRow> rows) =>
        new(caption, ["Period", "Figure", "Basis", "Source"], rows, new HashSet<int> { 1 });

    /// <summary>
    /// The prices of <paramref name="f"/>'s series that <see cref="Newest"/> can show beside it: up to
    /// <see cref="MaxSeriesRows"/> before it and as many after, in series order, read from the index on either side of
    /// it. Wording every row of a 20,000-day series (and later reading it from its start) made the page cost a tenth of
    /// a second for one point.
    /// </summary>
    private static async Task<List<TokenPrice>> SeriesAroundAsync(ReadSession session, TokenPrice f, CancellationToken cancellationToken)
    {
        var window = await session.TokenPricesBeforeAsync(f.Project, f.Date, f.Id, MaxSeriesRows, cancellationToken);
        window.Reverse();
        window.Add(f);
        var after = new PriceQuery { Projects = [f.Project], After = (f.Project, f.Date, f.Id), Limit = MaxSeriesRows };
        await foreach (var x in session.TokenPricesAsync(after, cancellationToken))
            window.Add(x);
        return window;
    }

    private static List<PageRow> Newest(List<PageRow> rows)
    {
        if (rows.Count <= MaxSeriesRows)
            return rows;
        var mine = rows.FindIndex(r => r.IsThis);
        var start = Math.Clamp(mine - MaxSeriesRows / 2, 0, rows.Count - MaxSeriesRows);
        return rows.GetRange(start, MaxSeriesRows);
    }

    /// <summary>The ways a source may write each number of a metric or sector figure: a multiple ("10x", "doubling"), a per cent, an amount.</summary>
    private static List<IEnumerable<string>> Measured(string metric, decimal value, decimal? max, string unit, string quote)
    {
        IEnumerable<string> Of(decimal v) => unit == "fraction" && MetricNames.IsMultiple(metric)
            ? [CitationText.Multiple(v, quote), CitationText.Number(v) + "x"]
            : Candidates(v, money: unit == "usd", fraction: unit == "fraction");
        return max is { } top ? [Of(value), Of(top)] : [Of(value)];
    }

    /// <summary>The ways a source may write <paramref name="value"/>: "$32.7 million", "32.7 million", "$32.7M", "70%", "0.7277".</summary>
    internal static IEnumerable<string> Candidates(decimal value, bool money, bool fraction = false)
    {
        if (fraction)
        {
            // A fall may be written with its sign ("-42.02%") or in words ("fallen 93%").
            var percent = CitationText.Percent(Math.Abs(value));
            if (value < 0)
                yield return "-" + percent;
            yield return percent;
            yield return percent.TrimEnd('%');
            yield break;
        }
        var number = CitationText.Number(value);
        if (money)
            yield return CitationText.Money(value);
        yield return number;
        foreach (var (size, letter) in new[] { (1_000_000_000m, "B"), (1_000_000m, "M"), (1_000m, "K") })
        {
            if (Math.Abs(value) < size)
                continue;
            var scaled = Rest.Infrastructure.DecimalText.Format(value / size);
            if (money)
                yield return $"${scaled}{letter}";
            yield return scaled + letter;
            yield return scaled + " " + (letter == "B" ? "billion" : letter == "M" ? "million" : "thousand");
            break;
        }
        yield return Rest.Infrastructure.DecimalText.Format(value);
    }
}
