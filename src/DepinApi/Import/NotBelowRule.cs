using System.Globalization;

namespace DepinApi.Import;

/// <summary>The high end of a range is not below its low end.</summary>
internal sealed class NotBelowRule(string column, string floor) : RowRule(column, floor)
{
    public override RuleViolation? Check(ParsedRow row) =>
        row.Value(column) is decimal high && row.Value(floor) is decimal low && high < low
            ? new RuleViolation(column, string.Create(CultureInfo.InvariantCulture, $"{column} must be at least {floor} ({low}), got {high}"))
            : null;
}
