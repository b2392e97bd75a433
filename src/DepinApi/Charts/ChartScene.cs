namespace DepinApi.Charts;

/// <summary>Where a text sits relative to its x.</summary>
public enum TextAnchor { Start, Middle, End }

/// <summary>
/// A drawing in plain primitives, in pixels of a fixed canvas: what <see cref="ChartLayout"/> produces and both the SVG
/// writer and the PNG painter render, so the two images of a chart are the same picture.
/// </summary>
public abstract record Shape;

/// <summary>A line of text; one that could be longer than <paramref name="MaxWidth"/> is shortened with an ellipsis.</summary>
public sealed record TextShape(double X, double Y, string Text, double Size, TextAnchor Anchor = TextAnchor.Start,
    bool Bold = false, string Fill = ChartColors.Text, double? MaxWidth = null) : Shape
{
    public string Text { get; init; } = MaxWidth is { } max ? Fit(Text, max, Size, Bold) : Text;

    /// <summary>
    /// Shortens by an estimate of DejaVu Sans' widths (0.62 em a character, 0.68 bold; generous for digits and
    /// lower case), not by measuring, so the SVG and the PNG cut a text at the same place whatever fonts a viewer has.
    /// </summary>
    public static string Fit(string text, double maxWidth, double size, bool bold)
    {
        var fits = (int)(maxWidth / (size * EmPerCharacter(bold)));
        return text.Length <= fits ? text : text[..Math.Max(1, fits - 1)].TrimEnd() + "…";
    }

    /// <summary>
    /// The largest size up to <paramref name="size"/>, and not below <paramref name="minimum"/>, at which
    /// <paramref name="text"/> fits <paramref name="maxWidth"/> by the same estimate: for a text that must not be cut
    /// (a figure's number and its scale word).
    /// </summary>
    public static double SizeToFit(string text, double maxWidth, double size, bool bold, double minimum) =>
        Math.Clamp(Math.Floor(maxWidth / (Math.Max(1, text.Length) * EmPerCharacter(bold))), minimum, size);

    private static double EmPerCharacter(bool bold) => bold ? 0.68 : 0.62;
}

public sealed record LineShape(double X1, double Y1, double X2, double Y2, string Stroke, double Width = 1) : Shape;

public sealed record PolylineShape(IReadOnlyList<(double X, double Y)> Points, string Stroke, double Width) : Shape;

/// <summary>A filled rectangle; <paramref name="Data"/> makes it a plotted value (a bar or a segment).</summary>
public sealed record RectShape(double X, double Y, double Width, double Height, string Fill, DataMark? Data = null,
    string? Stroke = null) : Shape;

/// <summary>A plotted point on a line.</summary>
public sealed record DotShape(double X, double Y, double Radius, string Fill, DataMark Data) : Shape;

/// <summary>
/// The value behind a plotted shape, written into the SVG as data-* attributes and a &lt;title&gt; (a tooltip, and
/// what a screen reader reads), so a reader or a test can map every shape back to the figure it draws.
/// </summary>
public sealed record DataMark(string Label, string Value, string Tip, string? Series = null, bool Marked = false);

/// <summary>The plot area and the values at its bottom and top edge: what a reader needs to turn y back into a value.</summary>
public sealed record PlotFrame(double Left, double Top, double Right, double Bottom, decimal Min, decimal Max);

public sealed record ChartScene(int Width, int Height, string Title, string Description, PlotFrame? Plot, IReadOnlyList<Shape> Shapes);

/// <summary>Okabe–Ito colours (distinguishable with the common colour-vision deficiencies) and greys that pass WCAG AA on white.</summary>
public static class ChartColors
{
    public const string Text = "#1a1a1a";
    public const string Muted = "#4d4d4d";
    public const string Grid = "#e0e0e0";
    public const string Axis = "#595959";
    public const string Background = "#ffffff";
    public const string NotStated = "#d9d9d9";
    public const string Accent = "#0072b2";
    public const string Marked = "#d55e00";

    public static readonly IReadOnlyList<string> Series =
        ["#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442", "#000000"];

    /// <summary>White on the two dark fills, near-black on the rest: at least 4.5:1 either way.</summary>
    public static string TextOn(string fill) => fill is "#0072b2" or "#000000" ? Background : Text;
}
