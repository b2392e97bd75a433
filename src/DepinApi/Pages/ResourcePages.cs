using System.Globalization;
using DepinApi.ReadModel;
using DepinApi.Rest.Citations;
using DepinApi.Rest.Models;
using DepinApi.Screening;
using DepinApi.SectorAnalytics;

namespace DepinApi.Pages;

/// <summary>
/// Builds the pages of projects, series and cross-project tables from the very views (and pages of them) the JSON of
/// the same request serves; numbers are worded by <see cref="CitationText"/>, as citations word them.
/// </summary>
internal static class ResourcePages
{
    private static readonly HashSet<int> SecondAndThird = [1, 2];

    public static PageResult Project(HttpContext http, ReadSession session, ProjectDetailView project)
    {
        var urls = new PageUrls(http.Request);
        var version = PageUrls.Version(session.Version.Id);
        var hasRevenue = project.Latest.Revenue.Count > 0;
        // A revenue chart draws one metric: the one the newest figures lead with.
        var charted = ChartedMetric(project.Latest.Revenue.Select(f => f.Metric));
        var sections = new List<PageSection>();
        if (hasRevenue)
            sections.Add(new("Newest revenue figures",
                new ChartRef(urls.Api($"/v1/projects/{project.Slug}/revenue", ("metric", charted), ("asOf", version), ("format", "svg")),
                    $"Bar chart of {project.Name}'s {MetricNames.Of(charted)} by quarter", $"{project.Name} {MetricNames.Of(charted)} by quarter, USD."),
                new PageTable("Newest figure of each revenue metric", ["Quarter", "Metric", "Figure", "Basis", "Source"],
                    project.Latest.Revenue.Select(f => new PageRow(
                        [CitationText.RevenuePeriod(f.Metric, f.Quarter), MetricNames.Of(f.Metric), Amount(f), f.Basis, f.Source.Publisher], f.Permalink)).ToList(),
                    new HashSet<int> { 2 })));
        if (project.Latest.TokenPrice is { } price)
            sections.Add(new("Token price",
                new ChartRef(urls.Api($"/v1/projects/{project.Slug}/token-prices", ("asOf", version), ("format", "svg")),
                    $"Line chart of the {price.TokenSymbol} token price over time", $"{project.Name} ({price.TokenSymbol}) token price, USD."),
                PriceTable("Newest stated price", [price])));
        if (project.Latest.SettlementMix.Count > 0)
            sections.Add(new("Settlement mix", null,
                new PageTable("Newest settlement mix", ["Date", "In stablecoins", "In the native token", "Basis", "Source"],
                    project.Latest.SettlementMix.Select(m => new PageRow(
                        [Day(m.Date), .. MixShares(m), m.Basis, m.Source.Publisher], m.Permalink)).ToList(),
                    SecondAndThird)));
        var description = hasRevenue
            ? $"{project.Name}: {string.Join("; ", project.Latest.Revenue.Select(f => $"{MetricNames.Of(f.Metric)} {Amount(f)} ({CitationText.RevenuePeriod(f.Metric, f.Quarter)}, {f.Basis}, {f.Source.Publisher})"))}."
            : $"{project.Name}: {project.Description}";
        var preview = hasRevenue
            ? urls.Api($"/v1/projects/{project.Slug}/revenue", ("metric", charted), ("asOf", version), ("format", "png"))
            : project.Latest.TokenPrice is null ? null : urls.Api($"/v1/projects/{project.Slug}/token-prices", ("asOf", version), ("format", "png"));
        var frame = PageFrames.Create(urls, session, $"{project.Name} — DePIN fundamentals", description, project.Links.Self, preview);
        var facts = $"Sector: {project.Sector}, {project.SubTrack}. Token: {project.TokenSymbol}{(project.Chain is null ? "" : " on " + project.Chain)}.";
        var links = new List<PageLink>
        {
            new("Every revenue figure", project.Links.Revenue),
            new("Token prices", project.Links.TokenPrices),
            new("Settlement mix (JSON)", project.Links.SettlementMix),
            new("Network metrics (JSON)", project.Links.Metrics),
        };
        if (project.Website is { } website)
            links.Add(new("Website", website));
        return PageResult.Of<Components.ResourcePage>(new ResourcePageModel(frame, project.Name, [project.Description, facts], links, sections));
    }

    public static PageResult RevenueSeries(HttpContext http, ReadSession session, string projectName, string? quarter,
        IReadOnlyList<RevenueFigureView> figures, PageInfo page)
    {
        var urls = new PageUrls(http.Request);
        var heading = quarter is null ? $"{projectName} revenue" : $"{projectName} revenue, {quarter}";
        var transformed = figures.Any(f => f.Units != "lin");
        string[] headers = transformed
            ? ["Quarter", "Metric", "Figure", "Value (" + figures[0].Units + ")", "Basis", "Source"]
            : ["Quarter", "Metric", "Figure", "Basis", "Source"];
        var rows = figures.Select(f => new PageRow(transformed
            ? [CitationText.RevenuePeriod(f.Metric, f.Quarter), MetricNames.Of(f.Metric), Amount(f), f.Value is { } v ? Rest.Infrastructure.DecimalText.Format(v) : "none", f.Basis, f.Source.Publisher]
            : [CitationText.RevenuePeriod(f.Metric, f.Quarter), MetricNames.Of(f.Metric), Amount(f), f.Basis, f.Source.Publisher], f.Permalink)).ToList();
        // The series' chart draws one metric over every quarter (a quarter's page shows it in the context of its series),
        // in the page's units; the table lists every metric.
        var charted = ChartedMetric(figures.Select(f => f.Metric));
        var slug = figures.Count > 0 ? figures[0].Project : null;
        ChartRef? chart = null;
        string? preview = null;
        if (slug is not null)
        {
            var units = figures[0].Units == "lin" ? null : figures[0].Units;
            var version = PageUrls.Version(session.Version.Id);
            chart = new ChartRef(urls.Api($"/v1/projects/{slug}/revenue", ("metric", charted), ("units", units), ("asOf", version), ("format", "svg")),
                $"Bar chart of {projectName}'s {MetricNames.Of(charted)} by quarter", $"{projectName} {MetricNames.Of(charted)} by quarter, USD.");
            preview = urls.Api($"/v1/projects/{slug}/revenue", ("metric", charted), ("units", units), ("asOf", version), ("format", "png"));
        }
        var frame = PageFrames.Create(urls, session, heading,
            $"{heading}: {figures.Count} figure{(figures.Count == 1 ? "" : "s")}, each with its source and quote.", urls.Self(),
            preview);
        return PageResult.Of<Components.ResourcePage>(new ResourcePageModel(frame, heading,
            ["Every revenue figure as its source states it. Open a figure for its source's sentence and citation."],
            NextPage(page), [new(null, chart, new PageTable("Revenue figures", headers, rows, new HashSet<int> { 2, 3 }))]));
    }

    public static PageResult PriceSeries(HttpContext http, ReadSession session, string projectName, IReadOnlyList<TokenPriceView> prices, PageInfo page)
    {
        var urls = new PageUrls(http.Request);
        var symbol = prices.Count > 0 ? prices[0].TokenSymbol : "token";
        var heading = $"{projectName} ({symbol}) token price";
        var chart = new ChartRef(urls.Chart("svg", session.Version.Id), $"Line chart of the {symbol} token price over time", $"{heading}, USD, by date.");
        var frame = PageFrames.Create(urls, session, heading, $"{heading}: {prices.Count} dated figures, each with its source.",
            urls.Self(), urls.Chart("png", session.Version.Id));
        return PageResult.Of<Components.ResourcePage>(new ResourcePageModel(frame, heading,
            ["Prices and price changes as the sources state them; changes are over 30 days, 90 days and a year."],
            NextPage(page), [new(null, chart, PriceTable("Token prices", prices))]));
    }

    /// <param name="fromQualifiedFigures">Whether any figure of the total is qualified (the shares then read "about").</param>
    public static PageResult RevenueAcrossProjects(HttpContext http, ReadSession session, string metric, IReadOnlyList<RevenueShareView> rows,
        bool fromQualifiedFigures, PageInfo page)
    {
        var urls = new PageUrls(http.Request);
        var quarter = rows.Count > 0 ? rows[0].Figure.Quarter : null;
        var heading = $"{char.ToUpperInvariant(MetricNames.Of(metric)[0])}{MetricNames.Of(metric)[1..]} by project{(quarter is null ? "" : ", " + CitationText.RevenuePeriod(metric, quarter))}";
        // /v1/revenue is one quarter's figures, not a series: its picture is the metric's shares by project per quarter.
        var chart = new ChartRef(urls.Api("/v1/sectors/analytics", ("metric", metric), ("asOf", PageUrls.Version(session.Version.Id)), ("format", "svg")),
            $"Stacked chart of each project's share of {MetricNames.Of(metric)} by quarter", $"Shares of {MetricNames.Of(metric)} by project, per quarter.");
        var table = new PageTable(heading, ["Project", "Figure", "Share of the projects listed", "Basis", "Source", "Figure's page"],
            rows.Select(r => new PageRow([r.ProjectName, Amount(r.Figure), CitationText.Computed(CitationText.SharePercent(r.Share), fromQualifiedFigures), r.Figure.Basis,
                r.Figure.Source.Publisher, r.Figure.Id], urls.Api($"/v1/projects/{r.Project}"))).ToList(), SecondAndThird);
        var frame = PageFrames.Create(urls, session, heading,
            $"{heading}: one figure per project, each with its source; shares are of the sum of the projects listed.", urls.Self(),
            chart.SvgUrl.Replace("format=svg", "format=png", StringComparison.Ordinal));
        var figureLinks = rows.Select(r => new PageLink($"{r.ProjectName}: {Amount(r.Figure)}, {CitationText.RevenuePeriod(r.Figure.Metric, r.Figure.Quarter)}", r.Figure.Permalink)).ToList();
        return PageResult.Of<Components.ResourcePage>(new ResourcePageModel(frame, heading,
            [rows.Count > 0 ? rows[0].ShareCitation : "No project reports this metric for the quarter."],
            [.. figureLinks, .. NextPage(page)], [new(null, chart, table)]));
    }

    public static PageResult Screening(HttpContext http, ReadSession session, string? sector, IReadOnlyList<ProjectScreening> projects, PageInfo page)
    {
        var urls = new PageUrls(http.Request);
        var heading = sector is null ? "Screening of every project" : $"Screening of the {sector} projects";
        var table = new PageTable("Composite score (0–100) and ranks", ["Project", "Sector", "Composite", "Coverage", "Rank", "Sector rank"],
            projects.Select(p => new PageRow([p.Name, p.Sector, Score(p.Composite), CitationText.Percent(p.Coverage),
                p.Rank?.ToString(CultureInfo.InvariantCulture) ?? "unranked", p.SectorRank?.ToString(CultureInfo.InvariantCulture) ?? "unranked"],
                urls.Api($"/v1/projects/{p.Project}"))).ToList(), new HashSet<int> { 2, 3, 4, 5 });
        var components = projects.SelectMany(p => p.Components.Select(c => new PageRow(
            [p.Name, c.Name, Score(c.Score), c.Weight.ToString(CultureInfo.InvariantCulture), c.Arithmetic]))).ToList();
        var frame = PageFrames.Create(urls, session, heading,
            $"{heading}: seven components scored from sourced figures, a composite and ranks.", urls.Self(), null);
        return PageResult.Of<Components.ResourcePage>(new ResourcePageModel(frame, heading,
            ["Scores are computed by this API from the sourced figures; the JSON lists every input with its source and quote."],
            NextPage(page),
            [new(null, null, table), new("Components", null, new PageTable("Each component's score and arithmetic",
                ["Project", "Component", "Score", "Weight", "Arithmetic"], components, SecondAndThird))]));
    }

    public static PageResult SectorAnalytics(HttpContext http, ReadSession session, SectorAnalyticsReport report)
    {
        var urls = new PageUrls(http.Request);
        var heading = report.Sector is null ? "Sector analytics: every project" : $"Sector analytics: {report.Sector}";
        var sections = report.Revenue.Select(c => new PageSection($"{MetricNames.Of(c.Metric)}, {CitationText.RevenuePeriod(c.Metric, c.Quarter)}", null,
            new PageTable($"Total {CitationText.Computed(CitationText.Money(c.TotalUsd), Qualified(c))} over {c.ProjectCount} project{(c.ProjectCount == 1 ? "" : "s")}; "
                          + $"top-3 share {ComputedShare(c.Top3Share, Qualified(c))}; HHI {(c.Hhi is { } h ? Rest.Infrastructure.DecimalText.Format(h) : "none")}"
                          + Stated(c),
                ["Project", "Figure", "Share", "Basis", "Source"],
                c.Projects.Select(p => new PageRow([p.Name, Citation.RevenueValue(p.Qualifier, p.AmountUsd, p.Quote),
                    ComputedShare(p.Share, Qualified(c)), p.Basis, p.Source.Publisher], urls.Api($"/v1/revenue/{p.FigureId}", ("asOf", PageUrls.Version(report.DataVersion))))).ToList(),
                SecondAndThird))).ToList();
        if (report.ImpliedPrices.Count > 0)
            sections.Add(new("Implied token price a year earlier", null, new PageTable("Price now and a year earlier, implied by the 1-year change",
                ["Token", "Date", "Price (USD)", "Implied a year earlier (USD)", "Arithmetic"],
                report.ImpliedPrices.Select(p => new PageRow([p.TokenSymbol, p.Date, CitationText.Money(p.PriceUsd),
                    p.ImpliedPriceUsd is { } i ? CitationText.Money(i) : "none", p.Arithmetic])).ToList(), SecondAndThird)));
        if (report.RevenueMultiples.Count > 0)
            sections.Add(new("Revenue multiple", null, new PageTable("Market cap over revenue, where a source states both",
                ["Scope", "Period", "Market cap", "Revenue", "Multiple"],
                report.RevenueMultiples.Select(m => new PageRow([m.Scope, CitationText.Period(m.Period), CitationText.Money(m.MarketCapUsd),
                    CitationText.Money(m.RevenueUsd), m.Multiple is { } x ? Rest.Infrastructure.DecimalText.Format(x) + "x" : "none"])).ToList(),
                new HashSet<int> { 2, 3, 4 })));
        var frame = PageFrames.Create(urls, session, heading,
            $"{heading}: revenue concentration per quarter and metric, implied prices and the sector revenue multiple.", urls.Self(), null);
        return PageResult.Of<Components.ResourcePage>(new ResourcePageModel(frame, heading,
            ["Computed by this API from sourced figures; every figure links to its own page with its source's sentence."], [], sections));
    }

    // What a source states for the whole sector beside the sum of the projects listed (docs/methodology.md: both shown).
    private static string Stated(RevenueConcentration c)
    {
        var stated = "";
        if (c.StatedTotal is { } total)
            stated += $"; {total.Source.Publisher} states {CitationText.Qualified(total.Qualifier, CitationText.Money(total.Value), total.Quote)} for the sector"
                      + (c.ListedMinusStatedUsd is { } difference ? $" (the projects listed: {CitationText.Computed(CitationText.Money(Math.Abs(difference)), Qualified(c) || total.Qualifier is not null)} {(difference < 0 ? "less" : "more")})" : "");
        if (c.StatedTop3Share is { } top3)
            stated += $"; {top3.Source.Publisher} states a top-3 share of {CitationText.Qualified(top3.Qualifier, Share(top3.Value), top3.Quote)}";
        return stated;
    }

    private static PageTable PriceTable(string caption, IReadOnlyList<TokenPriceView> prices) =>
        new(caption, ["Date", "Price", "30 days", "90 days", "1 year", "Source"],
            // Each value with the row's qualifier, as the row's citation words it ("up over 120%", "about $0.75").
            prices.Select(p => new PageRow([Day(p.Date),
                p.PriceUsd is { } v ? CitationText.Qualified(p.Qualifier, CitationText.Money(v), p.Quote) : "not stated",
                Change(p.Change30d, p), Change(p.Change90d, p), Change(p.Change1y, p), p.Source.Publisher], p.Permalink.ToString())).ToList(),
            new HashSet<int> { 1, 2, 3, 4 });

    private static List<PageLink> NextPage(PageInfo page) => page.Next is { } next ? [new("Next page", next)] : [];

    private static string Amount(RevenueFigureView f) => Citation.RevenueValue(f.Qualifier, f.AmountUsd, f.Quote);

    // A sum or share of the projects' figures is as approximate as the figures it is computed from.
    private static bool Qualified(RevenueConcentration c) => c.Projects.Any(p => p.Qualifier is not null);

    private static string ComputedShare(decimal? fraction, bool fromQualifiedFigures) =>
        fraction is { } f ? CitationText.Computed(CitationText.SharePercent(f), fromQualifiedFigures) : "not stated";

    /// <summary>
    /// A settlement mix's two shares as its citation states them (<see cref="Citation.SettlementMixStatement"/>): the
    /// source's qualifier on the first share it gives ("about 70%"), and a mix it gives only in words as "mainly" in the
    /// column those words name; "not stated" where the source says nothing.
    /// </summary>
    private static string[] MixShares(SettlementMixView m)
    {
        var (stable, native) = (m.StablecoinShare, m.NativeShare);
        bool? mainlyStablecoin = m.Label is null ? null : m.Label == Domain.Vocabularies.MainlyStablecoin;
        return
        [
            stable is { } s ? CitationText.Qualified(m.Qualifier, CitationText.Percent(s), m.Quote) : mainlyStablecoin == true ? "mainly" : "not stated",
            native is { } n ? (stable is null ? CitationText.Qualified(m.Qualifier, CitationText.Percent(n), m.Quote) : CitationText.Percent(n))
                : mainlyStablecoin == false ? "mainly" : "not stated",
        ];
    }

    private static string Share(decimal? fraction) => fraction is { } f ? CitationText.Percent(f) : "not stated";

    private static string Change(decimal? fraction, TokenPriceView price) =>
        fraction is { } f ? CitationText.Change(f, price.Qualifier, price.Quote) : "";

    private static string Score(decimal? score) => score is { } s ? Rest.Infrastructure.DecimalText.Format(s) : "none";

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The metric a revenue chart draws when the figures hold several: quarterly revenue if there, else the first.</summary>
    private static string ChartedMetric(IEnumerable<string> metrics)
    {
        var list = metrics.Distinct().ToList();
        return list.Contains("quarterly_revenue") ? "quarterly_revenue" : list.Count > 0 ? list[0] : "quarterly_revenue";
    }
}
