namespace DepinApi.Import;

/// <summary>A range figure has a high end and says so: qualifier <c>range</c> if and only if there is a maximum.</summary>
internal sealed class RangeQualifierRule(string qualifier, string maximum) : RowRule(qualifier, maximum)
{
    public const string Range = Domain.Vocabularies.RangeQualifier;

    public override RuleViolation? Check(ParsedRow row)
    {
        var isRange = row.Value(qualifier) as string == Range;
        var hasMaximum = row.Value(maximum) is not null;
        if (isRange && !hasMaximum)
            return new RuleViolation(qualifier, $"{qualifier} '{Range}' needs {maximum}, the high end of the range");
        if (hasMaximum && !isRange)
            return new RuleViolation(maximum, row.Value(qualifier) is string other
                ? $"{maximum} is only allowed with {qualifier} '{Range}', got {qualifier} '{other}'"
                : $"{maximum} is only allowed with {qualifier} '{Range}', got no {qualifier}");
        return null;
    }
}
