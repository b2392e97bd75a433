using System.Globalization;
using System.Runtime.CompilerServices;
using DepinApi.Domain;

namespace DepinApi.Import;

/// <summary>
/// A figure is stated in its quote: the row's number is one the sentence gives, written as prose writes it
/// ("About $520 million" is 520000000, "down 78.55%" is -0.7855, "10x" is 10), so that a mistyped digit, a lost
/// sign or a quote that says something else is refused where it is written, not served with a citation that
/// does not hold.
/// </summary>
internal sealed class StatedInQuoteRule : RowRule
{
    private const string QuoteColumn = "quote";

    // Each row's quote is read once, however many of its columns are checked against it: a reading takes about 14 µs,
    // and a token-price row has four such columns. Keyed by the quote's own string, which lives as long as its row.
    private static readonly ConditionalWeakTable<string, IReadOnlyList<(QuoteNumber Number, string Text)>> Readings = new();

    private readonly FigureKind? kind;

    private StatedInQuoteRule(string column, FigureKind? kind, string? unitColumn)
        : base(unitColumn is null ? [column, QuoteColumn] : [column, QuoteColumn, unitColumn])
    {
        Column = column;
        this.kind = kind;
        UnitColumn = unitColumn;
    }

    /// <summary>The column whose number must be stated.</summary>
    public string Column { get; }

    /// <summary>The column whose unit says how the number is stated, for a rule made by <see cref="InUnitOf"/>.</summary>
    public string? UnitColumn { get; }

    /// <summary>Dollars, prices and counts: stated as numbers.</summary>
    public static StatedInQuoteRule Number(string column) => new(column, FigureKind.Number, unitColumn: null);

    /// <summary>Shares and changes: stated as percentages (or multiples).</summary>
    public static StatedInQuoteRule Fraction(string column) => new(column, FigureKind.Percent, unitColumn: null);

    /// <summary>A value whose unit column says how it is stated: a fraction as a percentage, anything else as a number.</summary>
    public static StatedInQuoteRule InUnitOf(string column, string unitColumn) => new(column, kind: null, unitColumn);

    /// <summary>How the number is written in prose, given the row's unit (read only by a rule with a <see cref="UnitColumn"/>).</summary>
    public FigureKind KindFor(string? unit) =>
        kind ?? (unit == Vocabularies.FractionUnit ? FigureKind.Percent : FigureKind.Number);

    public override RuleViolation? Check(ParsedRow row)
    {
        if (row.Value(Column) is not decimal value || row.Value(QuoteColumn) is not string quote)
            return null;
        var figureKind = KindFor(UnitColumn is null ? null : row.Value(UnitColumn) as string);
        var read = Readings.GetValue(quote, QuoteNumbers.Spellings);
        if (read.Any(s => s.Number == new QuoteNumber(value, figureKind)))
            return null;

        // Each number of the kind asked for, with what it was read as: a fall's sign or a scale is then visible.
        var stated = read.Where(s => s.Number.Kind == figureKind)
            .Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Text} ({s.Number.Value})")).Distinct().ToList();
        var (how, none) = figureKind == FigureKind.Percent
            ? ("as a percentage or multiple (-0.7855 is 'down 78.55%', 10 is '10x')", "no percentage or multiple")
            : ("as a number ('$520 million' is 520000000)", "no number");
        var states = stated.Count == 0 ? $"it states {none}" : "it states " + Shown.Value(string.Join(", ", stated));
        return new RuleViolation(Column, string.Create(CultureInfo.InvariantCulture,
            $"{Column} {value} is not stated in the quote {how}; {states}"));
    }
}
