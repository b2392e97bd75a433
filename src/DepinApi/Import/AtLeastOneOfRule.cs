namespace DepinApi.Import;

/// <summary>A row must say something: at least one of the columns has a value.</summary>
internal sealed class AtLeastOneOfRule(params string[] columns) : RowRule(columns)
{
    public override RuleViolation? Check(ParsedRow row) =>
        Columns.Any(c => row.Value(c) is not null)
            ? null
            : new RuleViolation(Columns[0], $"at least one of {string.Join(", ", Columns)} must be given");
}
