using System.Globalization;
using System.Text;

namespace DepinApi.Charts;

/// <summary>
/// Lays a <see cref="ChartSpec"/> out on a 1200×630 canvas (the Open Graph image size, so the PNG preview and the SVG
/// are one picture): title and unit on top, the plot with a labelled y axis and x labels, the caption with units and
/// sources at the bottom. Everything is computed from the data alone, so the same data gives the same scene.
/// </summary>
public static class ChartLayout
{
    public const int Width = 1200;
    public const int Height = 630;

    private const double Left = 130, Right = 1160, Bottom = 510;
    private const double TitleSize = 28, TextSize = 18, SmallSize = 16;

    public static ChartScene Lay(ChartSpec spec)
    {
        var shapes = new List<Shape>
        {
            new TextShape(40, 48, spec.Title, TitleSize, Bold: true, MaxWidth: Width - 80),
            new TextShape(40, 80, spec.Unit.Caption, TextSize, Fill: ChartColors.Muted),
        };
        var top = 110d;
        if (spec.Kind == ChartKind.StackedShares)
        {
            Legend(shapes, spec.SeriesOrder, 112);
            top = 140;
        }
        var plot = spec.Kind switch
        {
            ChartKind.Line => LayLine(spec, shapes, top),
            ChartKind.Bars => LayBars(spec, shapes, top),
            _ => LayShares(spec, shapes, top),
        };
        shapes.Add(new TextShape(40, 584, Caption(spec), SmallSize, Fill: ChartColors.Muted, MaxWidth: Width - 80));
        shapes.Add(new TextShape(40, 610, spec.Footer, SmallSize, Fill: ChartColors.Muted, MaxWidth: Width - 80));
        return new ChartScene(Width, Height, spec.Title, Describe(spec), plot, shapes);
    }

    /// <summary>"Units: US dollars. Source: Gate, as of June 1, 2026." — the caption a chart carries wherever it is pasted.</summary>
    public static string Caption(ChartSpec spec)
    {
        var sources = spec.Sources.Count switch
        {
            0 => "none (no figures)",
            <= 3 => string.Join("; ", spec.Sources),
            _ => string.Join("; ", spec.Sources.Take(2)) + $"; and {spec.Sources.Count - 2} more",
        };
        return $"Units: {spec.Unit.Caption}. Source{(spec.Sources.Count == 1 ? "" : "s")}: {sources}.";
    }

    private static PlotFrame LayLine(ChartSpec spec, List<Shape> shapes, double top)
    {
        var points = spec.Points;
        var (min, max, step) = NiceScale(points.Select(p => p.Value), includeZero: false);
        var frame = new PlotFrame(Left, top, Right, Bottom, min, max);
        YAxis(shapes, frame, step, spec.Unit);
        if (points.Count == 0)
            return Empty(shapes, frame);
        var days = points.Select(p => p.Day ?? DateOnly.MinValue).ToList();
        var first = days.Min().DayNumber;
        var span = days.Max().DayNumber - first;
        // Inset so the first and last dot are not cut by the plot's edge.
        double X(DateOnly day) => span == 0 ? (Left + Right) / 2 : Left + 20 + (Right - Left - 40) * (day.DayNumber - first) / span;
        var placed = points.Select((p, i) => (Point: p, X: X(days[i]), Y: Y(frame, p.Value))).ToList();
        foreach (var (x, label) in XTicks(points, days, X))
        {
            shapes.Add(new LineShape(x, Bottom, x, Bottom + 6, ChartColors.Axis));
            shapes.Add(new TextShape(x, Bottom + 28, label, TextSize, TextAnchor.Middle));
        }
        if (placed.Count > 1)
            shapes.Add(new PolylineShape(placed.Select(p => (p.X, p.Y)).ToList(), ChartColors.Accent, 3));
        var radius = placed.Count > 60 ? 3 : 6;
        foreach (var (point, x, y) in placed)
            shapes.Add(new DotShape(x, y, point.Marked ? radius + 3 : radius, point.Marked ? ChartColors.Marked : ChartColors.Accent, Mark(point)));
        return frame;
    }

    private static PlotFrame LayBars(ChartSpec spec, List<Shape> shapes, double top)
    {
        var points = spec.Points;
        var (min, max, step) = NiceScale(points.Select(p => p.Value), includeZero: true);
        var frame = new PlotFrame(Left, top, Right, Bottom, min, max);
        YAxis(shapes, frame, step, spec.Unit);
        if (points.Count == 0)
            return Empty(shapes, frame);
        var slot = (Right - Left) / points.Count;
        var width = Math.Min(120, slot * 0.6);
        var zero = Y(frame, 0);
        var labelEvery = LabelEvery(points.Count, slot);
        for (var i = 0; i < points.Count; i++)
        {
            var point = points[i];
            var center = Left + slot * (i + 0.5);
            var y = Y(frame, point.Value);
            shapes.Add(new RectShape(center - width / 2, Math.Min(y, zero), width, Math.Abs(zero - y),
                point.Marked ? ChartColors.Marked : ChartColors.Accent, Mark(point)));
            if (points.Count <= 12)
                shapes.Add(new TextShape(center, (point.Value >= 0 ? y : zero) - 8, spec.Unit.Tick(point.Value), SmallSize, TextAnchor.Middle));
            if (i % labelEvery == 0 || point.Marked)
                shapes.Add(new TextShape(center, Bottom + 28, point.Label, TextSize, TextAnchor.Middle,
                    Bold: point.Marked, Fill: point.Marked ? ChartColors.Marked : ChartColors.Text));
        }
        return frame;
    }

    private static PlotFrame LayShares(ChartSpec spec, List<Shape> shapes, double top)
    {
        var frame = new PlotFrame(Left, top, Right, Bottom, 0m, 1m);
        YAxis(shapes, frame, 0.25m, ChartUnit.Fraction);
        var columns = spec.Columns;
        if (columns.Count == 0)
            return Empty(shapes, frame);
        var slot = (Right - Left) / columns.Count;
        var width = Math.Min(160, slot * 0.7);
        var labelEvery = LabelEvery(columns.Count, slot);
        for (var i = 0; i < columns.Count; i++)
        {
            var column = columns[i];
            var center = Left + slot * (i + 0.5);
            var x = center - width / 2;
            var below = 0m;
            foreach (var segment in column.Segments)
            {
                var y0 = Y(frame, below);
                var y1 = Y(frame, below + segment.Share);
                var color = Color(spec.SeriesOrder, segment.Series);
                shapes.Add(new RectShape(x, y1, width, y0 - y1, color,
                    new DataMark(column.Label, Number(segment.Share), segment.Tip, segment.Series, column.Marked), ChartColors.Background));
                if (y0 - y1 >= 26 && width >= 56)
                    shapes.Add(new TextShape(center, (y0 + y1) / 2 + 6, ChartUnit.Fraction.Tick(segment.Share), SmallSize, TextAnchor.Middle,
                        Fill: ChartColors.TextOn(color)));
                below += segment.Share;
            }
            if (column.Note is { } note)
                shapes.Add(new TextShape(center, (frame.Top + frame.Bottom) / 2, note, SmallSize, TextAnchor.Middle, MaxWidth: slot - 8));
            // A segment's colour says its series, so the marked column is singled out beside its colours: a bar under
            // it and its label in bold, in the marked colour, labelled whatever every n-th label would skip.
            if (column.Marked)
                shapes.Add(new RectShape(x, Bottom + 2, width, 5, ChartColors.Marked));
            if (i % labelEvery == 0 || column.Marked)
                shapes.Add(new TextShape(center, Bottom + 28, column.Label, TextSize, TextAnchor.Middle,
                    Bold: column.Marked, Fill: column.Marked ? ChartColors.Marked : ChartColors.Text));
        }
        return frame;
    }

    private static void Legend(List<Shape> shapes, IReadOnlyList<string> series, double y)
    {
        var x = 40d;
        foreach (var name in series)
        {
            shapes.Add(new RectShape(x, y - 14, 16, 16, Color(series, name)));
            shapes.Add(new TextShape(x + 22, y, name, SmallSize));
            // DejaVu Sans averages about 0.6 em per character: enough room without measuring.
            x += 22 + name.Length * SmallSize * 0.6 + 24;
        }
    }

    private static string Color(IReadOnlyList<string> series, string name)
    {
        if (name == NotStated)
            return ChartColors.NotStated;
        var index = 0;
        foreach (var s in series)
        {
            if (s == name)
                return ChartColors.Series[index % ChartColors.Series.Count];
            if (s != NotStated)
                index++;
        }
        return ChartColors.Series[0];
    }

    /// <summary>The segment that completes a column to 100% when its source states less: drawn grey, never attributed.</summary>
    public const string NotStated = "not stated";

    private static void YAxis(List<Shape> shapes, PlotFrame frame, decimal step, ChartUnit unit)
    {
        for (var value = frame.Min; value <= frame.Max; value += step)
        {
            var y = Y(frame, value);
            shapes.Add(new LineShape(frame.Left, y, frame.Right, y, value == 0 ? ChartColors.Axis : ChartColors.Grid));
            shapes.Add(new TextShape(frame.Left - 10, y + 6, unit.Tick(value), TextSize, TextAnchor.End));
        }
        shapes.Add(new LineShape(frame.Left, frame.Top, frame.Left, frame.Bottom, ChartColors.Axis));
        shapes.Add(new LineShape(frame.Left, frame.Bottom, frame.Right, frame.Bottom, ChartColors.Axis));
    }

    private static PlotFrame Empty(List<Shape> shapes, PlotFrame frame)
    {
        shapes.Add(new TextShape((frame.Left + frame.Right) / 2, (frame.Top + frame.Bottom) / 2, "No figures in this range.", TextSize, TextAnchor.Middle));
        return frame;
    }

    public static double Y(PlotFrame frame, decimal value) =>
        frame.Bottom - (frame.Bottom - frame.Top) * (double)((value - frame.Min) / (frame.Max - frame.Min));

    private static DataMark Mark(ChartPoint point) => new(point.Label, Number(point.Value), point.Tip, Marked: point.Marked);

    private static string Number(decimal value) => Rest.Infrastructure.DecimalText.Format(value);

    // Labels need about 110 px each; beyond that every n-th category is labelled (every bar still has its <title>).
    private static int LabelEvery(int count, double slot) => Math.Max(1, (int)Math.Ceiling(110 / slot));

    private static IEnumerable<(double X, string Label)> XTicks(IReadOnlyList<ChartPoint> points, List<DateOnly> days, Func<DateOnly, double> x)
    {
        if (points.Count <= 8)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < points.Count; i++)
            {
                if (seen.Add(points[i].Label))
                    yield return (x(days[i]), points[i].Label);
            }
            yield break;
        }
        var first = days.Min().DayNumber;
        var last = days.Max().DayNumber;
        for (var i = 0; i <= 4; i++)
        {
            var day = DateOnly.FromDayNumber(first + (last - first) * i / 4);
            yield return (x(day), day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
    }

    /// <summary>
    /// About five ticks on 1, 2 or 5 × 10ⁿ steps covering the values; bars also cover zero (a bar's length is its value).
    /// Decimal throughout, so 0.1 + 0.2 is 0.3 on the axis.
    /// </summary>
    public static (decimal Min, decimal Max, decimal Step) NiceScale(IEnumerable<decimal> values, bool includeZero)
    {
        var list = values.ToList();
        var lo = list.Count == 0 ? 0 : list.Min();
        var hi = list.Count == 0 ? 1 : list.Max();
        if (includeZero)
        {
            lo = Math.Min(lo, 0);
            hi = Math.Max(hi, 0);
        }
        if (lo == hi)
        {
            var pad = lo == 0 ? 1 : Math.Abs(lo) / 10;
            lo -= includeZero && lo >= 0 ? 0 : pad;
            hi += pad;
        }
        var rough = (double)(hi - lo) / 5;
        var magnitude = (decimal)Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var normalized = (decimal)rough / magnitude;
        var step = (normalized <= 1 ? 1 : normalized <= 2 ? 2 : normalized <= 5 ? 5 : 10) * magnitude;
        var min = Math.Floor(lo / step) * step;
        var max = Math.Ceiling(hi / step) * step;
        return (min, max, step);
    }

    private static string SentenceStart(string text) =>
        text.Length > 0 && char.IsLower(text[0]) ? char.ToUpperInvariant(text[0]) + text[1..] : text;

    /// <summary>The chart in words, for &lt;desc&gt;: what it shows, the range, the first and last value, the minimum and maximum.</summary>
    public static string Describe(ChartSpec spec)
    {
        var unit = spec.Unit;
        var text = new StringBuilder();
        if (spec.Kind == ChartKind.StackedShares)
        {
            text.Append(CultureInfo.InvariantCulture, $"Stacked shares, {spec.Title}: {spec.Columns.Count} column{(spec.Columns.Count == 1 ? "" : "s")}");
            foreach (var column in spec.Columns.Take(12))
            {
                // A column's name may be a period as citations word it ("as of June 1, 2026"), here a sentence's start.
                text.Append(". ").Append(SentenceStart(column.Name)).Append(": ");
                text.Append(column.Note ?? string.Join(", ", column.Segments.Select(s => $"{s.Series} {s.Text ?? unit.Full(s.Share)}")));
            }
            if (spec.Columns.Count > 12)
                text.Append(CultureInfo.InvariantCulture, $". And {spec.Columns.Count - 12} more columns");
            text.Append('.');
            if (spec.Columns.FirstOrDefault(c => c.Marked) is { } markedColumn)
                text.Append(CultureInfo.InvariantCulture, $" Marked: {markedColumn.Name}.");
            return text.ToString();
        }
        var points = spec.Points;
        var kind = spec.Kind == ChartKind.Line ? "Line chart" : "Bar chart";
        text.Append(CultureInfo.InvariantCulture, $"{kind}, {spec.Title}, in {unit.Caption}: {points.Count} value{(points.Count == 1 ? "" : "s")}");
        if (points.Count == 0)
            return text.Append('.').ToString();
        var first = points[0];
        var last = points[^1];
        var low = points.MinBy(p => p.Value)!;
        var high = points.MaxBy(p => p.Value)!;
        // The points' names are periods as citations word them ("as of Q2 2026", "full year 2025"), which read badly
        // after "from"; the sentence below names the first and the last.
        text.Append(". ");
        // Each value as its figure's citation words it: "more than 440,000", "35-40%", never the bare number plotted.
        string Value(ChartPoint p) => p.Text ?? unit.Full(p.Value);
        text.Append(CultureInfo.InvariantCulture, $"First {Value(first)} ({first.Name}), last {Value(last)} ({last.Name}); ");
        text.Append(CultureInfo.InvariantCulture, $"minimum {Value(low)} ({low.Name}), maximum {Value(high)} ({high.Name}).");
        if (points.FirstOrDefault(p => p.Marked) is { } marked)
            text.Append(CultureInfo.InvariantCulture, $" Marked: {Value(marked)} ({marked.Name}).");
        return text.ToString();
    }
}
