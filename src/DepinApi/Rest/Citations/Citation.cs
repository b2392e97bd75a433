using System.Runtime.CompilerServices;
using DepinApi.ReadModel;
using DepinApi.Series;

namespace DepinApi.Rest.Citations;

/// <summary>
/// Ready-to-paste citation sentences, one per kind of figure, e.g. "Aethir revenue, Q2 2025: $32.7 million
/// (disclosed). Source: BlockEden.xyz, “…”, early 2026. https://…/v1/revenue/…?asOf=1". REST and GraphQL both call
/// these, so a figure cites the same way in either. A value the API computes (a units transform, a share) says so and
/// from what, in a sentence of its own before the source.
/// </summary>
public static class Citation
{
    public static string Revenue(RevenueFigure f, string projectName, string permalink) =>
        Revenue(f, projectName, permalink, SeriesUnits.Lin, null);

    /// <param name="units">The units <paramref name="value"/> is in; anything but LIN is computed and cited as such.</param>
    public static string Revenue(RevenueFigure f, string projectName, string permalink, SeriesUnits units, decimal? value) =>
        Sentence(RevenueStatement(f, projectName).Claim, f.Basis, Computed(f, units, value), f.Source, permalink);

    public static FigureStatement RevenueStatement(RevenueFigure f, string projectName) =>
        new($"{projectName} {CitationText.Metric(f.Metric)}", RevenuePeriod(f), RevenueValue(f.Qualifier, f.AmountUsd, f.Quote), f.Basis);

    /// <summary>A revenue figure's amount as its source qualifies it ("about $520 million"): its citation, chart and page say it so.</summary>
    public static string RevenueValue(string? qualifier, decimal amountUsd, string quote) =>
        CitationText.Qualified(qualifier, CitationText.Money(amountUsd), quote);

    /// <summary>
    /// A project's share of a sum of projects' figures, which no source states: "Computed by this API: Helium's share of
    /// the annualized external revenue of the 5 projects listed, as of Q2 2026, is about 40.6250% (about $520 million of
    /// about $1.28 billion)…". <paramref name="fromQualifiedFigures"/>: whether any figure of the sum is qualified, which
    /// makes the sum and the share as approximate as it is.
    /// </summary>
    public static string Share(RevenueFigure f, string projectName, decimal share, decimal total, int projects, bool fromQualifiedFigures) =>
        $"Computed by this API: {projectName}'s share of the {CitationText.Metric(f.Metric)} of the {projects} project{(projects == 1 ? "" : "s")} listed, "
        + $"{RevenuePeriod(f)}, is {ShareOfTotal(share, f.Qualifier, f.AmountUsd, f.Quote, total, fromQualifiedFigures, ", the sum of each project's preferred figure")}; "
        + "the figure it starts from is cited with it.";

    /// <summary>
    /// A computed share with what it divides: "about 63.4146% (about $520 million of about $820 million)". The figure reads
    /// as its source qualifies it; the share and the total read "about" when any figure of the total is qualified.
    /// </summary>
    public static string ShareOfTotal(decimal share, string? qualifier, decimal amountUsd, string quote, decimal total,
        bool fromQualifiedFigures, string totalNote = "") =>
        $"{CitationText.Computed(CitationText.SharePercent(share), fromQualifiedFigures)} "
        + $"({RevenueValue(qualifier, amountUsd, quote)} of {CitationText.Computed(CitationText.Money(total), fromQualifiedFigures)}{totalNote})";

    public static string SettlementMix(SettlementMix f, string projectName, string permalink) =>
        Sentence(SettlementMixStatement(f, projectName).Claim, f.Basis, null, f.Source, permalink);

    public static FigureStatement SettlementMixStatement(SettlementMix f, string projectName)
    {
        var parts = new List<string>();
        if (f.StablecoinShare is { } stable)
            parts.Add($"{CitationText.Qualified(f.Qualifier, CitationText.Percent(stable), f.Quote)} of fees settled in stablecoins");
        if (f.NativeShare is { } native)
            parts.Add($"{(parts.Count == 0 ? CitationText.Qualified(f.Qualifier, CitationText.Percent(native), f.Quote) : CitationText.Percent(native))} in the native token");
        if (parts.Count == 0)
            parts.Add(f.Label == Domain.Vocabularies.MainlyStablecoin ? "fees mainly settled in stablecoins" : "fees mainly settled in the native token");
        return new($"{projectName} settlement mix", CitationText.Day(f.AsOf, f.Source.PublishedOn), string.Join(", ", parts), f.Basis);
    }

    // Prices are market data the source reports, not its own estimate.
    private const string PriceBasis = Domain.Vocabularies.MarketPriceBasis;

    /// <summary>
    /// The same sentence as <see cref="Sentence"/> of <see cref="TokenPriceStatement"/>'s claim, written into one buffer:
    /// a price series is the longest list the API cites, and the parts' own strings were most of what its export
    /// allocated (docs/performance.md, *Means*).
    /// </summary>
    public static string TokenPrice(TokenPrice f, string projectName, string permalink)
    {
        var text = CitationText.Buffer(stackalloc char[512]);
        AppendTokenPriceUpToLink(ref text, f, projectName);
        text.AppendFormatted(permalink);
        return text.ToStringAndClear();
    }

    /// <summary>
    /// <see cref="TokenPrice(DepinApi.ReadModel.TokenPrice, string, string)"/> written into <paramref name="text"/>, its permalink
    /// from <paramref name="links"/>: how a REST list writes its prices' citations, with no string of each (<see cref="FigureText"/>).
    /// </summary>
    public static void AppendTokenPrice(ref DefaultInterpolatedStringHandler text, TokenPrice f, string projectName, Links links)
    {
        AppendTokenPriceUpToLink(ref text, f, projectName);
        links.AppendTokenPrice(ref text, f.Id);
    }

    private static void AppendTokenPriceUpToLink(ref DefaultInterpolatedStringHandler text, TokenPrice f, string projectName)
    {
        AppendTokenPriceSubject(ref text, f, projectName);
        text.AppendLiteral(FigureStatement.PeriodSeparator);
        CitationText.AppendDay(ref text, f.Date, f.Source.PublishedOn);
        text.AppendLiteral(FigureStatement.ValueSeparator);
        AppendTokenPriceValue(ref text, f);
        AppendSentenceEnd(ref text, PriceBasis, null, f.Source);
    }

    public static FigureStatement TokenPriceStatement(TokenPrice f, string projectName)
    {
        var subject = CitationText.Buffer(stackalloc char[128]);
        AppendTokenPriceSubject(ref subject, f, projectName);
        var value = CitationText.Buffer(stackalloc char[256]);
        AppendTokenPriceValue(ref value, f);
        return new(subject.ToStringAndClear(), CitationText.Day(f.Date, f.Source.PublishedOn), value.ToStringAndClear(), PriceBasis);
    }

    private static void AppendTokenPriceSubject(ref DefaultInterpolatedStringHandler text, TokenPrice f, string projectName)
    {
        text.AppendFormatted(projectName);
        text.AppendLiteral(" (");
        text.AppendFormatted(f.TokenSymbol);
        text.AppendLiteral(") token price");
    }

    /// <summary>"$0.2046; down 12.5% over 30 days": the price and the changes the source gives, in that order.</summary>
    private static void AppendTokenPriceValue(ref DefaultInterpolatedStringHandler text, TokenPrice f)
    {
        var parts = 0;
        if (f.PriceUsd is { } price)
        {
            CitationText.AppendQualified(ref text, f.Qualifier, price, CitationText.QualifiedNumber.Money, f.Quote);
            parts++;
        }
        AppendPriceChange(ref text, ref parts, f.Change30d, " over 30 days", f);
        AppendPriceChange(ref text, ref parts, f.Change90d, " over 90 days", f);
        AppendPriceChange(ref text, ref parts, f.Change1y, " over one year", f);
    }

    private static void AppendPriceChange(ref DefaultInterpolatedStringHandler text, ref int parts, decimal? change, string over, TokenPrice f)
    {
        if (change is not { } fraction)
            return;
        if (parts++ > 0)
            text.AppendLiteral("; ");
        CitationText.AppendChange(ref text, fraction, f.Qualifier, f.Quote);
        text.AppendLiteral(over);
    }

    public static string NetworkMetric(NetworkMetric f, string projectName, string permalink) =>
        Sentence(NetworkMetricStatement(f, projectName).Claim, f.Basis, null, f.Source, permalink);

    public static FigureStatement NetworkMetricStatement(NetworkMetric f, string projectName) =>
        new($"{projectName} {CitationText.Metric(f.Metric)}", CitationText.Period(f.Period, f.Source, f.Metric),
            Measured(f.Metric, f.Value, f.ValueMax, f.Unit, f.Qualifier, f.Quote), f.Basis);

    public static string SectorFigure(SectorFigure f, string permalink) =>
        Sentence(SectorFigureStatement(f).Claim, f.Basis, null, f.Source, permalink);

    public static FigureStatement SectorFigureStatement(SectorFigure f)
    {
        var scope = f.Scope == "depin_compute" ? "DePIN compute networks'" : "DePIN";
        return new($"{scope} {CitationText.Metric(f.Metric)}", CitationText.Period(f.Period, f.Source, f.Metric),
            Measured(f.Metric, f.Value, f.ValueMax, f.Unit, f.Qualifier, f.Quote), f.Basis);
    }

    private static string RevenuePeriod(RevenueFigure f) => CitationText.RevenuePeriod(f.Metric, f.Quarter);

    private static string? Computed(RevenueFigure f, SeriesUnits units, decimal? value)
    {
        if (units == SeriesUnits.Lin)
            return null;
        var result = value is { } v
            ? $"{ComputedFrom(units, f.Metric, f.Quarter)}, {ComputedValue(units, v)}"
            : $"{ComputedWhat(units)} from {EarlierPeriod(units, f.Metric, f.Quarter)}, which has no single figure of the same series to compare with (value is null)";
        return $"Computed by this API ({units.ToName()}): {result}.";
    }

    /// <summary>
    /// What a value in <paramref name="units"/> other than lin is and what it is computed from: "the percent change from
    /// the Q1 2025 figure of the same series". A citation and a chart's tooltip both say it so.
    /// </summary>
    public static string ComputedFrom(SeriesUnits units, string metric, Quarter quarter) =>
        $"{ComputedWhat(units)} from the {EarlierPeriod(units, metric, quarter)} figure of the same series";

    /// <summary>A value in <paramref name="units"/> other than lin: "$7.2 million" for chg, "14.736842%" for pch and pc1.</summary>
    public static string ComputedValue(SeriesUnits units, decimal value) =>
        units == SeriesUnits.Chg ? CitationText.Money(value) : Infrastructure.DecimalText.Format(value) + "%";

    private static string ComputedWhat(SeriesUnits units) => units switch
    {
        SeriesUnits.Chg => "the change in USD",
        SeriesUnits.Pch => "the percent change",
        _ => "the percent change over a year",
    };

    // "Q1 2025"; a full year's figure before is "full year 2024".
    private static string EarlierPeriod(SeriesUnits units, string metric, Quarter quarter)
    {
        var earlier = quarter.AddQuarters(-SeriesUnitsTransform.LookBackQuarters(units, metric));
        return metric == SeriesUnitsTransform.YearLongMetric ? CitationText.RevenuePeriod(metric, earlier) : CitationText.Quarter(earlier);
    }

    /// <summary>
    /// A metric or sector figure's value as its source states it: "more than 440,000", "35-40%", "down 50%", "10x or
    /// more". Its citation, its chart's points and description and its page all word it so.
    /// </summary>
    public static string Measured(string metric, decimal value, decimal? max, string unit, string? qualifier, string quote)
    {
        if (unit == "fraction" && MetricNames.IsMultiple(metric))
            return CitationText.Qualified(qualifier, CitationText.Multiple(value, quote), quote);
        if (unit == "fraction" && max is null && value < 0)
            return CitationText.Change(value, qualifier, quote);
        if (unit == "fraction" && max is { } top)
            // As the source writes a range of percentages: "35-40%".
            return Infrastructure.DecimalText.Format(value * 100m) + "-" + CitationText.Percent(top);
        var text = max is { } upper ? $"{Unit(value, unit)} to {Unit(upper, unit)}" : Unit(value, unit);
        return CitationText.Qualified(qualifier, text, quote);
    }

    private static string Unit(decimal value, string unit) => unit switch
    {
        "usd" => CitationText.Money(value),
        "fraction" => CitationText.Percent(value),
        "tokens" => CitationText.Number(value) + " tokens",
        "hours" => CitationText.Number(value) + " hours",
        "gpus" => CitationText.Number(value) + " GPUs",
        _ => CitationText.Number(value),
    };

    private static string Sentence(string statement, string basis, string? computed, Source source, string permalink)
    {
        var text = CitationText.Buffer(stackalloc char[512]);
        text.AppendFormatted(statement);
        AppendSentenceEnd(ref text, basis, computed, source);
        text.AppendFormatted(permalink);
        return text.ToStringAndClear();
    }

    /// <summary>" (disclosed). Source: …, “…”, early 2026. ": what follows a claim in every citation, before its permalink.</summary>
    private static void AppendSentenceEnd(ref DefaultInterpolatedStringHandler text, string basis, string? computed, Source source)
    {
        text.AppendLiteral(" (");
        text.AppendFormatted(basis);
        text.AppendLiteral("). ");
        if (computed is not null)
        {
            text.AppendFormatted(computed);
            text.AppendLiteral(" ");
        }
        text.AppendFormatted(CitationText.SourceSentence(source));
        text.AppendLiteral(" ");
    }
}
