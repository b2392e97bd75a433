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

    /// <summary>How many quarters back the earlier figure of a transformed value is.</summary>
    public static int LookBackQuarters(SeriesUnits units) => units switch
    {
        SeriesUnits.Lin => 0,
        SeriesUnits.Chg or SeriesUnits.Pch => 1,
        SeriesUnits.Pc1 => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(units), units, null),
    };
}
