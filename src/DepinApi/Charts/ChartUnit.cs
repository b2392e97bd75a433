using System.Globalization;
using DepinApi.Rest.Citations;

namespace DepinApi.Charts;

/// <summary>
/// The unit of a chart's values: how the caption names it, how a value reads in full (as citations write it) and how an
/// axis tick reads (short: "$40M", "70%"). Tick values come from decimal arithmetic, so the text never shows float noise.
/// </summary>
public sealed class ChartUnit
{
    private readonly Func<decimal, string> full;
    private readonly Func<decimal, string> tick;

    private ChartUnit(string caption, Func<decimal, string> full, Func<decimal, string> tick)
    {
        Caption = caption;
        this.full = full;
        this.tick = tick;
    }

    /// <summary>The unit in words, for the caption and the axis: "US dollars", "share (%)", "tokens".</summary>
    public string Caption { get; }

    public string Full(decimal value) => full(value);

    /// <summary>The same unit under a more precise name ("US dollars per HNT").</summary>
    public ChartUnit Named(string caption) => new(caption, full, tick);

    public string Tick(decimal value) => tick(value);

    public static readonly ChartUnit Usd = new("US dollars", CitationText.Money, v => (v < 0 ? "-$" : "$") + Compact(Math.Abs(v)));

    public static readonly ChartUnit Fraction = new("share (%)", CitationText.Percent,
        v => (v * 100m).ToString("0.##", CultureInfo.InvariantCulture) + "%");

    /// <summary>A per cent change, as FRED's pch and pc1 units give it (the value is already in per cent).</summary>
    public static readonly ChartUnit PercentChange = new("per cent change",
        v => Rest.Infrastructure.DecimalText.Format(v) + "%", v => v.ToString("0.##", CultureInfo.InvariantCulture) + "%");

    /// <summary>A count of something named by <paramref name="word"/> ("count", "tokens", "hours", "gpus").</summary>
    public static ChartUnit Of(string word) => word switch
    {
        "usd" => Usd,
        // A fraction metric is a growth, a utilisation or a share: "share (%)" is the stacked shares' own caption.
        "fraction" => Fraction.Named("per cent"),
        _ => new ChartUnit(word == "count" ? "count" : word, CitationText.Number, Compact),
    };

    /// <summary>1,500,000 → "1.5M", 0.7277 → "0.7277": tick labels stay a few characters wide.</summary>
    public static string Compact(decimal value)
    {
        var abs = Math.Abs(value);
        var (size, suffix) = abs >= 1_000_000_000_000m ? (1_000_000_000_000m, "T")
            : abs >= 1_000_000_000m ? (1_000_000_000m, "B")
            : abs >= 1_000_000m ? (1_000_000m, "M")
            : abs >= 10_000m ? (1_000m, "k")
            : (1m, "");
        return (value / size).ToString("0.####", CultureInfo.InvariantCulture) + suffix;
    }
}
