namespace DepinApi.Charts;

/// <summary>What a chart draws: a line through dated points, bars per category, or stacked shares per column.</summary>
public enum ChartKind { Line, Bars, StackedShares }

/// <summary>
/// One plotted value. <paramref name="Label"/> is the short axis text ("2025Q2", "2026-06-01"), <paramref name="Name"/> the
/// same in words ("Q2 2025"), <paramref name="Tip"/> the full figure as the API cites it; <paramref name="Day"/> places
/// dated points on a time axis (a line chart's x), bars and columns are evenly spaced. <paramref name="Id"/> is the
/// figure's permanent id; <paramref name="Marked"/> singles out one point (a figure page shows its figure in the context of its series).
/// <paramref name="Text"/> is the value as its citation words it ("more than 440,000", "35-40%"), when that is more than the number.
/// </summary>
public sealed record ChartPoint(string Label, string Name, decimal Value, string Tip, DateOnly? Day = null, string? Id = null,
    bool Marked = false, string? Text = null);

/// <summary>
/// One part of a stacked column: a named series and its share 0..1; <paramref name="Text"/> is the share as its citation
/// words it ("about 70%"), when that is more than the number.
/// </summary>
public sealed record ChartSegment(string Series, decimal Share, string Tip, string? Text = null);

/// <summary>
/// A stacked column; <paramref name="Note"/> stands in for segments when a source states only a label. <paramref name="Id"/>
/// is the figure the column draws, when it draws one; <paramref name="Marked"/> singles it out as for a point.
/// </summary>
public sealed record ChartColumn(string Label, string Name, IReadOnlyList<ChartSegment> Segments, string? Note = null,
    string? Id = null, bool Marked = false);

/// <summary>
/// A chart before layout: what it shows, in what unit, from which sources. Points feed line and bar charts, columns
/// feed stacked shares. <paramref name="Sources"/> are "publisher, date" phrases, in the order the caption lists them.
/// </summary>
public sealed record ChartSpec(
    ChartKind Kind, string Title, ChartUnit Unit, IReadOnlyList<string> Sources, string Footer,
    IReadOnlyList<ChartPoint> Points, IReadOnlyList<ChartColumn> Columns, IReadOnlyList<string> SeriesOrder)
{
    public static ChartSpec Line(string title, ChartUnit unit, IReadOnlyList<string> sources, string footer, IReadOnlyList<ChartPoint> points) =>
        new(ChartKind.Line, title, unit, sources, footer, points, [], []);

    public static ChartSpec Bars(string title, ChartUnit unit, IReadOnlyList<string> sources, string footer, IReadOnlyList<ChartPoint> points) =>
        new(ChartKind.Bars, title, unit, sources, footer, points, [], []);

    public static ChartSpec Shares(string title, IReadOnlyList<string> sources, string footer, IReadOnlyList<ChartColumn> columns,
        IReadOnlyList<string> seriesOrder) =>
        new(ChartKind.StackedShares, title, ChartUnit.Fraction, sources, footer, [], columns, seriesOrder);
}

/// <summary>A preview card for one figure: the number as a person reads it, its period, and its source.</summary>
public sealed record FigureCard(string Subject, string Number, string Period, string SourceLine, string SourceTitle, string Footer);
