namespace DepinApi.Charts;

/// <summary>
/// A single figure's preview card (what a pasted permalink shows in a chat or on social media): what it is about, the
/// number as a person reads it, its period and basis, and its source, on the 1200×630 canvas of a chart.
/// </summary>
public static class FigureCardLayout
{
    public static ChartScene Lay(FigureCard card)
    {
        const double left = 64, width = ChartLayout.Width - 2 * left;
        var shapes = new List<Shape>
        {
            new RectShape(0, 0, ChartLayout.Width, 12, ChartColors.Accent),
            new TextShape(left, 110, card.Subject, 40, MaxWidth: width, Fill: ChartColors.Muted),
            // The number is what the card is for: smaller rather than cut ("about $520 million", "down 93% over a year").
            new TextShape(left, 250, card.Number, TextShape.SizeToFit(card.Number, width, 96, bold: true, minimum: 36), Bold: true, MaxWidth: width),
            new TextShape(left, 330, card.Period, 40, MaxWidth: width),
            new LineShape(left, 390, ChartLayout.Width - left, 390, ChartColors.Grid, 2),
            new TextShape(left, 450, card.SourceLine, 30, MaxWidth: width),
            new TextShape(left, 496, card.SourceTitle, 26, Fill: ChartColors.Muted, MaxWidth: width),
            new TextShape(left, 586, card.Footer, 22, Fill: ChartColors.Muted, MaxWidth: width),
        };
        var description = $"{card.Subject}: {card.Number}, {card.Period}. {card.SourceLine}. {card.SourceTitle}";
        return new ChartScene(ChartLayout.Width, ChartLayout.Height, $"{card.Subject}: {card.Number}", description, null, shapes);
    }
}
