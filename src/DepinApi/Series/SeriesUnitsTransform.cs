namespace DepinApi.Series;

/// <summary>
/// The constants of <see cref="SeriesUnits"/>: how far back a series looks and how a percent is rounded. The
/// transform itself is SQL, written once in <see cref="ReadModel.FigureSql.ValueIn"/> for REST, the resolvers and
/// compiled GraphQL alike.
/// </summary>
public static class SeriesUnitsTransform
{
    /// <summary>Decimal places kept in a percent change (a change in USD keeps the figures' own cents).</summary>
    public const int PercentDecimals = 6;

    /// <summary>
    /// The revenue metric whose figure spans a whole year, placed in its fourth quarter: the figure before it is the
    /// year before's, so a change from the previous one (<c>chg</c>, <c>pch</c>) looks a year back, as <c>pc1</c> does;
    /// the quarter before holds none.
    /// </summary>
    public const string YearLongMetric = "fiscal_year_revenue";

    /// <summary>How many quarters back the earlier figure of a transformed value of <paramref name="metric"/> is.</summary>
    public static int LookBackQuarters(SeriesUnits units, string metric) => units switch
    {
        SeriesUnits.Lin => 0,
        SeriesUnits.Chg or SeriesUnits.Pch => metric == YearLongMetric ? 4 : 1,
        SeriesUnits.Pc1 => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(units), units, null),
    };
}
