using DepinApi.ReadModel;
using DepinApi.Rest.Citations;
using DepinApi.Screening;
using DepinApi.Series;
using static DepinApi.Rest.Infrastructure.DecimalText;

namespace DepinApi.Rest.Models;

/// <summary>
/// Turns read-model rows into the API's views for one response: decimals without the column's
/// trailing zeros, a permalink and a citation for every figure.
/// </summary>
public sealed class FigureViews(Links links, IReadOnlyDictionary<string, string> projectNames)
{
    public Links Links => links;

    /// <summary>Views on the session's version, with the project names the citations need (kept per version: <see cref="ProjectNames"/>).</summary>
    public static async Task<FigureViews> CreateAsync(HttpContext http, ReadSession session, CancellationToken cancellationToken) =>
        new(new Links(http.Request, session.Version.Id),
            await http.RequestServices.GetRequiredService<ProjectNames>().OfAsync(session, cancellationToken));

    /// <param name="projects">Every project as of the session's version (<c>ProjectsAsync(new ProjectQuery())</c>).</param>
    public static FigureViews Create(HttpContext http, ReadSession session, IEnumerable<Project> projects) =>
        new(new Links(http.Request, session.Version.Id), ProjectNames.Of(projects));

    private IReadOnlySet<string>? preferredRevenue;

    public string ProjectName(string slug) => projectNames.TryGetValue(slug, out var name) ? name : slug;

    /// <summary>
    /// Marks which revenue figures are the preferred statement of their project, quarter and metric — the one
    /// <c>/v1/revenue</c> cites (<see cref="RevenueSelection"/>) — from rows already read. <paramref name="statements"/>
    /// must hold every statement of each (project, quarter, metric) whose figures will be viewed, as a read filtered
    /// only by project, metric and quarter does.
    /// </summary>
    public void MarkPreferredRevenue(IEnumerable<RevenueFigure> statements) =>
        preferredRevenue = RevenueSelection.PreferredIds(statements);

    /// <summary>Reads the statements of <paramref name="figure"/>'s project, quarter and metric, and marks the preferred one.</summary>
    public async Task LoadPreferredRevenueAsync(ReadSession session, RevenueFigure figure, CancellationToken cancellationToken) =>
        MarkPreferredRevenue(await session.RevenueAsync(new RevenueQuery
        {
            Projects = [figure.Project],
            Metrics = [figure.Metric],
            From = figure.Quarter,
            To = figure.Quarter,
        }, cancellationToken));

    /// <summary>Reads the statements of <paramref name="projects"/> (every project when null), and marks the preferred ones.</summary>
    public async Task LoadPreferredRevenueAsync(ReadSession session, IEnumerable<string>? projects, CancellationToken cancellationToken)
    {
        var slugs = projects?.Distinct(StringComparer.Ordinal).ToList();
        var all = slugs is { Count: 0 } ? [] : await session.RevenueAsync(new RevenueQuery { Projects = slugs }, cancellationToken);
        MarkPreferredRevenue(all);
    }

    /// <param name="units">The units <paramref name="value"/> is in.</param>
    /// <exception cref="InvalidOperationException">The preferred figures are not marked yet (<see cref="MarkPreferredRevenue"/>).</exception>
    public RevenueFigureView Revenue(RevenueFigure f, SeriesUnits units = SeriesUnits.Lin, decimal? value = null)
    {
        var (permalink, citation) = Cite(f, units, value);
        return new RevenueFigureView(f.Id, f.Project, f.Quarter.ToString(), f.Metric, Normalize(f.AmountUsd), units.ToName(),
            units == SeriesUnits.Lin ? Normalize(f.AmountUsd) : Normalize(value), f.Basis, f.Qualifier, IsPreferred(f),
            SourceView.Of(f.Source), f.Quote, permalink, citation);
    }

    /// <summary>Whether <paramref name="f"/> is the preferred statement of its project, quarter and metric.</summary>
    /// <exception cref="InvalidOperationException">The preferred figures are not marked yet (<see cref="MarkPreferredRevenue"/>).</exception>
    public bool IsPreferred(RevenueFigure f) =>
        (preferredRevenue ?? throw new InvalidOperationException("Load the preferred revenue figures first.")).Contains(f.Id);

    // A figure's permalink and citation, of each kind: what its view carries, and all GraphQL's permalink and citation
    // fields ask for (no preferred marks needed, nor the rest of the view).

    /// <param name="units">The units <paramref name="value"/> is in.</param>
    public (string Permalink, string Citation) Cite(RevenueFigure f, SeriesUnits units = SeriesUnits.Lin, decimal? value = null)
    {
        var permalink = links.Revenue(f.Id);
        return (permalink, Citation.Revenue(f, ProjectName(f.Project), permalink, units, value));
    }

    public (string Permalink, string Citation) Cite(SettlementMix f)
    {
        var permalink = links.SettlementMix(f.Id);
        return (permalink, Citation.SettlementMix(f, ProjectName(f.Project), permalink));
    }

    public (string Permalink, string Citation) Cite(TokenPrice f)
    {
        var permalink = links.TokenPrice(f.Id);
        return (permalink, Citation.TokenPrice(f, ProjectName(f.Project), permalink));
    }

    public (string Permalink, string Citation) Cite(NetworkMetric f)
    {
        var permalink = links.NetworkMetric(f.Id);
        return (permalink, Citation.NetworkMetric(f, ProjectName(f.Project), permalink));
    }

    public (string Permalink, string Citation) Cite(SectorFigure f)
    {
        var permalink = links.SectorFigure(f.Id);
        return (permalink, Citation.SectorFigure(f, permalink));
    }

    public SettlementMixView SettlementMix(SettlementMix f)
    {
        var (permalink, citation) = Cite(f);
        return new SettlementMixView(f.Id, f.Project, f.AsOf, Normalize(f.StablecoinShare), Normalize(f.NativeShare),
            SettlementMixView.ShareOfFees, f.Label, f.Basis, f.Qualifier, SourceView.Of(f.Source), f.Quote, permalink, citation);
    }

    public TokenPriceView TokenPrice(TokenPrice f) =>
        // Prices are market data the source reports, not its own estimate.
        new(f.Id, f.Project, f.TokenSymbol, f.Date, Normalize(f.PriceUsd), Normalize(f.Change30d), Normalize(f.Change90d),
            Normalize(f.Change1y), Domain.Vocabularies.MarketPriceBasis, f.Qualifier, SourceView.Of(f.Source), f.Quote, FigureText.TokenPricePermalink(links, f.Id),
            FigureText.TokenPriceCitation(f, ProjectName(f.Project), links));

    public NetworkMetricView NetworkMetric(NetworkMetric f)
    {
        var (permalink, citation) = Cite(f);
        return new NetworkMetricView(f.Id, f.Project, f.Period, f.PeriodStart, f.PeriodEnd, f.Metric, Normalize(f.Value),
            Normalize(f.ValueMax), f.Unit, f.Basis, f.Qualifier, SourceView.Of(f.Source), f.Quote, permalink, citation);
    }

    public SectorFigureView SectorFigure(SectorFigure f)
    {
        var (permalink, citation) = Cite(f);
        return new SectorFigureView(f.Id, f.Scope, f.Period, f.PeriodStart, f.PeriodEnd, f.Metric, Normalize(f.Value),
            Normalize(f.ValueMax), f.Unit, f.Basis, f.Qualifier, SourceView.Of(f.Source), f.Quote, permalink, citation);
    }
}
