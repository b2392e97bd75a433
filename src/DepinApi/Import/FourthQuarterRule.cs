namespace DepinApi.Import;

/// <summary>
/// A figure of a whole year sits in that year's fourth quarter (docs/data-model.md), where its readers look for it: the
/// change from the year before (<see cref="Series.SeriesUnitsTransform.YearLongMetric"/>), a chart's year label, a
/// citation's "full year". Placed in another quarter it would be read as that quarter's.
/// </summary>
internal sealed class FourthQuarterRule(string metricColumn, string quarterColumn, string metric) : RowRule(metricColumn, quarterColumn)
{
    public override RuleViolation? Check(ParsedRow row) =>
        row.Value(metricColumn) is string given && given == metric && row.Value(quarterColumn, part: 1) is short quarter && quarter != 4
            ? new RuleViolation(quarterColumn, $"a {metric} figure covers a whole year and sits in its fourth quarter (Q4), got Q{quarter}")
            : null;
}
