namespace DepinApi.Import;

/// <summary>
/// A qualifier ("over 120%") belongs to one figure, so a qualified row may hold only one of
/// its figures; otherwise nobody could tell which number the qualifier is about.
/// </summary>
internal sealed class SingleFigureWhenQualifiedRule(string qualifier, params string[] figures) : RowRule([qualifier, .. figures])
{
    public override RuleViolation? Check(ParsedRow row)
    {
        if (row.Value(qualifier) is not string given)
            return null;
        var present = figures.Where(f => row.Value(f) is not null).ToList();
        return present.Count <= 1
            ? null
            : new RuleViolation(qualifier, $"{qualifier} '{given}' applies to one figure, but the row has {string.Join(", ", present)}");
    }
}
