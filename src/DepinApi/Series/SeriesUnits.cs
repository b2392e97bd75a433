namespace DepinApi.Series;

/// <summary>
/// How a quarterly series is presented, as FRED's <c>units</c> parameter does: the levels themselves, or
/// their change against an earlier quarter of the same series.
/// </summary>
public enum SeriesUnits
{
    /// <summary><c>lin</c>: the level as stated.</summary>
    Lin,

    /// <summary><c>chg</c>: level minus the previous quarter's level (USD); a full year's, the year before's (<see cref="SeriesUnitsTransform.YearLongMetric"/>).</summary>
    Chg,

    /// <summary><c>pch</c>: percent change from the previous quarter: (level / previous − 1) × 100.</summary>
    Pch,

    /// <summary><c>pc1</c>: percent change from a year ago (four quarters back): (level / year-ago − 1) × 100.</summary>
    Pc1,
}
