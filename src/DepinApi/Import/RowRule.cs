namespace DepinApi.Import;

/// <summary>A check that involves several columns of one row.</summary>
internal abstract class RowRule(params string[] columns)
{
    /// <summary>The columns the rule reads; it is skipped when any of them was already refused.</summary>
    public IReadOnlyList<string> Columns => columns;

    /// <summary>Null when the row passes, else the column to point at and the message.</summary>
    public abstract RuleViolation? Check(ParsedRow row);
}

internal sealed record RuleViolation(string Column, string Message);
