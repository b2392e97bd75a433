using System.Globalization;
using System.Runtime.CompilerServices;
using DepinApi.Domain;

namespace DepinApi.Import;

/// <summary>
/// A figure is stated in its quote: the row's number is one the sentence gives, written as prose writes it
/// ("About $520 million" is 520000000, "down 78.55%" is -0.7855, "10x" is 10), so that a mistyped digit, a lost
/// sign or a quote that says something else is refused where it is written, not served with a citation that
/// does not hold. A single figure is not one end of a range the sentence states ("$10-12 million" states no $10
/// million), and no figure is an amount of another currency ("€5.1 million").
/// </summary>
internal sealed class StatedInQuoteRule : RowRule
{
    private const string QuoteColumn = "quote";

    // Each row's quote is read once, however many of its columns are checked against it: a reading takes about 14 µs,
    // and a token-price row has four such columns. Keyed by the quote's own string, which lives as long as its row.
    private static readonly ConditionalWeakTable<string, IReadOnlyList<NumberSpelling>> Readings = new();

    private readonly FigureKind? kind;
    private readonly string? qualifierColumn;

    private StatedInQuoteRule(string column, FigureKind? kind, string? unitColumn, string? qualifierColumn = null)
        : base([column, QuoteColumn, .. new[] { unitColumn, qualifierColumn }.OfType<string>()])
    {
        Column = column;
        this.kind = kind;
        UnitColumn = unitColumn;
        this.qualifierColumn = qualifierColumn;
    }

    /// <summary>The column whose number must be stated.</summary>
    public string Column { get; }

    /// <summary>The column whose unit says how the number is stated, for a rule made by <see cref="InUnitOf"/>.</summary>
    public string? UnitColumn { get; }

    /// <summary>Dollars, prices and counts: stated as numbers.</summary>
    public static StatedInQuoteRule Number(string column) => new(column, FigureKind.Number, unitColumn: null);

    /// <summary>Shares and changes: stated as percentages (or multiples).</summary>
    public static StatedInQuoteRule Fraction(string column) => new(column, FigureKind.Percent, unitColumn: null);

    /// <summary>
    /// A value whose unit column says how it is stated (a fraction as a percentage, anything else as a number), in a
    /// file whose rows may be ranges: a row whose qualifier column says <see cref="RangeQualifierRule.Range"/> may cite
    /// a range's ends.
    /// </summary>
    public static StatedInQuoteRule InUnitOf(string column, string unitColumn, string qualifierColumn) =>
        new(column, kind: null, unitColumn, qualifierColumn);

    /// <summary>How the number is written in prose, given the row's unit (read only by a rule with a <see cref="UnitColumn"/>).</summary>
    public FigureKind KindFor(string? unit) =>
        kind ?? (unit == Vocabularies.FractionUnit ? FigureKind.Percent : FigureKind.Number);

    public override RuleViolation? Check(ParsedRow row)
    {
        if (row.Value(Column) is not decimal value || row.Value(QuoteColumn) is not string quote)
            return null;
        var figureKind = KindFor(UnitColumn is null ? null : row.Value(UnitColumn) as string);
        var number = new QuoteNumber(value, figureKind);
        var isRange = qualifierColumn is not null && row.Value(qualifierColumn) as string == RangeQualifierRule.Range;
        var read = Readings.GetValue(quote, QuoteNumbers.Spellings);
        var same = read.Where(s => s.Number == number).ToList();
        if (same.Any(s => !s.InOtherCurrency && (isRange || !s.RangeEnd)))
            return null;
        if (same.FirstOrDefault(s => !s.InOtherCurrency) is { } rangeEnd)
            return Violation(string.Create(CultureInfo.InvariantCulture,
                $"{Column} {value} is one end of a range the quote states, '{Shown.Value(rangeEnd.Text)}', not a single figure; ")
                + (qualifierColumn is null
                    ? "this file holds single figures"
                    : $"give the range as {qualifierColumn} '{RangeQualifierRule.Range}' with both ends"));
        if (same.FirstOrDefault() is { } otherCurrency)
            return Violation(string.Create(CultureInfo.InvariantCulture,
                $"{Column} {value} is stated in the quote as an amount of another currency, '{Shown.Value(otherCurrency.Text)}'; figures are in US dollars"));

        // Each number of the kind asked for, with what it was read as: a fall's sign or a scale is then visible.
        var stated = read.Where(s => s.Number.Kind == figureKind)
            .Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Text} ({s.Number.Value})")).Distinct().ToList();
        var (how, none) = figureKind == FigureKind.Percent
            ? ("as a percentage or multiple (-0.7855 is 'down 78.55%', 10 is '10x')", "no percentage or multiple")
            : ("as a number ('$520 million' is 520000000)", "no number");
        var states = stated.Count == 0 ? $"it states {none}" : "it states " + Shown.Value(string.Join(", ", stated));
        return Violation(string.Create(CultureInfo.InvariantCulture, $"{Column} {value} is not stated in the quote {how}; {states}"));
    }

    private RuleViolation Violation(string message) => new(Column, message);
}
