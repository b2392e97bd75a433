namespace DepinApi.Import;

/// <summary>A fallback column (e.g. a settlement label) is only for rows that lack the precise ones.</summary>
internal sealed class OnlyWithoutRule(string column, params string[] precise) : RowRule([column, .. precise])
{
    public override RuleViolation? Check(ParsedRow row) =>
        row.Value(column) is not null && precise.Any(p => row.Value(p) is not null)
            ? new RuleViolation(column, $"{column} is only for rows without {string.Join(" or ", precise)}")
            : null;
}
