using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace DepinApi.ReadModel;

/// <summary>A calendar quarter, written "2025Q3" everywhere the API speaks of one.</summary>
public readonly record struct Quarter(int Year, int Number) : IComparable<Quarter>
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    /// <summary>The expected form, for error messages.</summary>
    public const string Format = "YYYYQn, e.g. 2025Q3 (n from 1 to 4, the year from 2000 to 2100)";

    /// <summary>Quarters since year 0; consecutive quarters differ by one.</summary>
    public int Ordinal => Year * 4 + Number - 1;

    public Quarter Previous => AddQuarters(-1);
    public Quarter Next => AddQuarters(1);

    public DateOnly Start => new(Year, Number * 3 - 2, 1);
    public DateOnly End => Start.AddMonths(3).AddDays(-1);

    public Quarter AddQuarters(int count)
    {
        var ordinal = Ordinal + count;
        return new Quarter(ordinal / 4, ordinal % 4 + 1);
    }

    public int CompareTo(Quarter other) => Ordinal.CompareTo(other.Ordinal);

    public static bool operator <(Quarter a, Quarter b) => a.Ordinal < b.Ordinal;
    public static bool operator >(Quarter a, Quarter b) => a.Ordinal > b.Ordinal;
    public static bool operator <=(Quarter a, Quarter b) => a.Ordinal <= b.Ordinal;
    public static bool operator >=(Quarter a, Quarter b) => a.Ordinal >= b.Ordinal;

    /// <summary>Accepts exactly "YYYYQn" (the Q in either case), years <see cref="MinYear"/> to <see cref="MaxYear"/>.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out Quarter quarter)
    {
        quarter = default;
        if (text is not { Length: 6 } || (text[4] != 'Q' && text[4] != 'q') || text[5] is < '1' or > '4')
            return false;
        if (!int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || year is < MinYear or > MaxYear)
            return false;
        quarter = new Quarter(year, text[5] - '0');
        return true;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year}Q{Number}");
}
