using System.Globalization;
using DepinApi.ReadModel;
using DepinApi.Rest.Citations;
using DepinApi.Rest.Models;
using DepinApi.SectorAnalytics;
using DepinApi.Series;

namespace DepinApi.Charts;

/// <summary>
/// The chart of each kind of series, from the same views the JSON lists: token prices and metrics as lines, a revenue
/// metric as bars per quarter, settlement mix and a sector's revenue as stacked shares. Each value's tooltip is the
/// figure as its citation states it; the caption names the unit and every publisher with the date of its article.
/// </summary>
public static class SeriesCharts
{
    /// <summary>
    /// The same chart with figure <paramref name="id"/>'s value singled out (drawn larger or underlined, in another
    /// colour, data-marked); null when the chart draws no figure of that id.
    /// </summary>
    public static ChartSpec? Marking(ChartSpec spec, string id)
    {
        if (!spec.Points.Any(p => p.Id == id) && !spec.Columns.Any(c => c.Id == id))
            return null;
        return spec with
        {
            Points = spec.Points.Select(p => p.Id == id ? p with { Marked = true } : p).ToList(),
            Columns = spec.Columns.Select(c => c.Id == id ? c with { Marked = true } : c).ToList(),
        };
    }

    public static ChartSpec TokenPrices(string projectName, IReadOnlyList<TokenPriceView> prices, string footer)
    {
        var stated = prices.Where(p => p.PriceUsd is not null).ToList();
        var symbol = prices.Count > 0 ? prices[0].TokenSymbol : "";
        var points = stated.Select(p =>
        {
            // "as of June 1, 2026" for the day of the article that states it, as the price's citation dates it.
            var day = CitationText.Day(p.Date, p.Source.PublishedOn);
            var value = Qualified(p.Qualifier, CitationText.Money(p.PriceUsd!.Value), p.Quote);
            return new ChartPoint(Day(p.Date), day, p.PriceUsd!.Value, $"{day}: {value} ({p.Basis})", p.Date, p.Id, Text: value);
        }).ToList();
        var title = symbol.Length == 0 ? $"{projectName} token price" : $"{projectName} ({symbol}) token price";
        var unit = ChartUnit.Usd.Named(symbol.Length == 0 ? "US dollars" : $"US dollars per {symbol}");
        return ChartSpec.Line(title, unit, Sources(stated.Select(p => p.Source)), footer, points);
    }

    /// <summary>
    /// A metric's figures as a line, each point worded by its citation's statement (<see cref="Citation.NetworkMetricStatement"/>):
    /// "as reported in early 2026: more than 440,000", a range "35-40%", a fall "down 50%".
    /// </summary>
    public static ChartSpec Metric(string projectName, string metric, IReadOnlyList<NetworkMetric> figures, string footer)
    {
        var ordered = figures.OrderBy(f => f.PeriodEnd).ThenBy(f => f.Id, StringComparer.Ordinal).ToList();
        var unit = ChartUnit.Of(ordered.Count > 0 ? ordered[0].Unit : "count");
        var points = ordered.Select(f =>
        {
            var statement = Citation.NetworkMetricStatement(f, projectName);
            return new ChartPoint(CitationText.AxisPeriod(f.Period, f.Source), statement.Period, Rest.Infrastructure.DecimalText.Normalize(f.Value),
                $"{statement.Period}: {statement.Value} ({f.Basis})", f.PeriodEnd, f.Id, Text: statement.Value);
        }).ToList();
        return ChartSpec.Line($"{projectName}: {CitationText.Metric(metric)}", unit, Sources(ordered.Select(f => f.Source)), footer, points);
    }

    /// <summary>One bar per quarter: the preferred statement of each (the one /v1/revenue cites), in the units asked for.</summary>
    public static ChartSpec Revenue(string projectName, string metric, SeriesUnits units, IReadOnlyList<RevenueFigureView> figures, string footer)
    {
        var bars = figures.Where(f => f.Preferred && f.Value is not null)
            .OrderBy(f => f.Quarter, StringComparer.Ordinal).ToList();
        var unit = units is SeriesUnits.Pch or SeriesUnits.Pc1 ? ChartUnit.PercentChange : ChartUnit.Usd;
        if (units != SeriesUnits.Lin)
            unit = unit.Named(unit.Caption + ", computed by this API");
        var points = bars.Select(f =>
        {
            var period = CitationText.RevenuePeriod(f.Metric, f.Quarter);
            // A full year sits in its fourth quarter in the data; its axis reads it as the year, as its citation does.
            var label = f.Metric == "fiscal_year_revenue" ? period : f.Quarter;
            // A value in other units is no figure a source gave: it says so and from what, as its citation does.
            var (value, tip) = units == SeriesUnits.Lin || !Quarter.TryParse(f.Quarter, out var quarter)
                ? (Citation.RevenueValue(f.Qualifier, f.Value!.Value, f.Quote), $"({f.Basis})")
                : (Citation.ComputedValue(units, f.Value!.Value), $"(computed by this API: {Citation.ComputedFrom(units, f.Metric, quarter)})");
            return new ChartPoint(label, period, f.Value!.Value, $"{period}: {value} {tip}", Id: f.Id, Text: value);
        }).ToList();
        var title = $"{projectName} {CitationText.Metric(metric)}" + units switch
        {
            SeriesUnits.Chg => ", change from the previous quarter",
            SeriesUnits.Pch => ", per cent change from the previous quarter",
            SeriesUnits.Pc1 => ", per cent change from a year earlier",
            _ => "",
        };
        return ChartSpec.Bars(title, unit, Sources(bars.Select(f => f.Source)), footer, points);
    }

    public const string Stablecoins = "stablecoins";
    public const string NativeToken = "native token";

    /// <summary>
    /// One column per figure: the stated stablecoin and native-token shares, and grey for what the source leaves unstated
    /// (neither share is ever derived from the other). A figure with only a label shows the label.
    /// </summary>
    public static ChartSpec SettlementMix(string projectName, IReadOnlyList<SettlementMixView> figures, string footer)
    {
        var columns = figures.OrderBy(f => f.Date).ThenBy(f => f.Id, StringComparer.Ordinal).Select(f =>
        {
            var day = CitationText.Day(f.Date, f.Source.PublishedOn);
            var segments = new List<ChartSegment>();
            if (f.StablecoinShare is { } stable)
            {
                var text = Qualified(f.Qualifier, CitationText.Percent(stable), f.Quote);
                segments.Add(new ChartSegment(Stablecoins, stable, $"{day}: {text} of fees in stablecoins ({f.Basis})", text));
            }
            if (f.NativeShare is { } native)
            {
                var text = Qualified(f.Qualifier, CitationText.Percent(native), f.Quote);
                segments.Add(new ChartSegment(NativeToken, native, $"{day}: {text} of fees in the native token ({f.Basis})", text));
            }
            var stated = segments.Sum(s => s.Share);
            if (segments.Count > 0 && stated < 1)
                segments.Add(new ChartSegment(ChartLayout.NotStated, 1 - stated, $"{day}: {CitationText.Percent(1 - stated)} not stated by the source"));
            var note = segments.Count == 0 ? (f.Label ?? "no share stated").Replace('_', ' ') + " (no share stated)" : null;
            return new ChartColumn(Day(f.Date), day, segments, note, f.Id);
        }).ToList();
        return ChartSpec.Shares($"{projectName}: settlement mix of fees", Sources(figures.Select(f => f.Source)), footer, columns,
            [Stablecoins, NativeToken, ChartLayout.NotStated]);
    }

    /// <summary>One column per quarter: each project's share of the metric's total across the projects listed.</summary>
    public static ChartSpec SectorRevenue(string? sector, string metric, IReadOnlyList<RevenueConcentration> quarters, string footer)
    {
        var rows = quarters.Where(q => q.Metric == metric).OrderBy(q => q.Quarter, StringComparer.Ordinal).ToList();
        var projects = rows.SelectMany(q => q.Projects).Select(p => p.Name).Distinct().Order(StringComparer.Ordinal).ToList();
        var columns = rows.Select(q =>
        {
            var quarter = CitationText.RevenuePeriod(metric, q.Quarter);
            var qualifiedTotal = q.Projects.Any(p => p.Qualifier is not null);
            var segments = q.Projects.Where(p => p.Share is not null).OrderBy(p => projects.IndexOf(p.Name))
                .Select(p => new ChartSegment(p.Name, p.Share!.Value,
                    $"{quarter}: {p.Name} {Citation.ShareOfTotal(p.Share.Value, p.Qualifier, p.AmountUsd, p.Quote, q.TotalUsd, qualifiedTotal)}",
                    CitationText.Computed(CitationText.SharePercent(p.Share.Value), qualifiedTotal)))
                .ToList();
            return new ChartColumn(q.Quarter, quarter, segments, segments.Count == 0 ? "no total to share" : null);
        }).ToList();
        var scope = sector is null ? "DePIN" : $"DePIN {sector}";
        return ChartSpec.Shares($"{scope}: shares of {CitationText.Metric(metric)} by project", Sources(rows.SelectMany(q => q.Projects).Select(p => p.Source)),
            footer, columns, projects);
    }

    /// <summary>"DePIN API, data version 3": which data a chart shows, as a reader who finds it pasted somewhere needs to know.</summary>
    public static string Footer(DataVersionRef version) =>
        string.Create(CultureInfo.InvariantCulture, $"DePIN API, data version {version.Id}{(version.Current ? "" : " (not the newest)")}");

    private static string Qualified(string? qualifier, string number, string quote) => CitationText.Qualified(qualifier, number, quote);

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static List<string> Sources(IEnumerable<SourceView> sources) =>
        sources.Select(s => $"{s.Publisher}, {s.PublishedLabel}").Distinct(StringComparer.Ordinal).ToList();

    private static List<string> Sources(IEnumerable<Source> sources) =>
        sources.Select(s => $"{s.Publisher}, {s.PublishedLabel}").Distinct(StringComparer.Ordinal).ToList();
}
