using System.Globalization;

namespace DepinApi.Import;

/// <summary>Two fractions of one whole (e.g. stablecoin and native settlement) cannot exceed it.</summary>
internal sealed class SumAtMostRule(string first, string second, decimal limit) : RowRule(first, second)
{
    public override RuleViolation? Check(ParsedRow row)
    {
        if (row.Value(first) is not decimal a || row.Value(second) is not decimal b || a + b <= limit)
            return null;
        return new RuleViolation(second, string.Create(CultureInfo.InvariantCulture,
            $"{first} + {second} must be at most {limit}, got {a} + {b} = {a + b}"));
    }
}
