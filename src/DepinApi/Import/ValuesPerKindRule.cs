namespace DepinApi.Import;

/// <summary>
/// A column whose allowed values depend on another column (an evidence label on its kind), so a
/// label of one kind cannot be read by the scoring of another.
/// </summary>
internal sealed class ValuesPerKindRule(string kindColumn, string valueColumn, IReadOnlyDictionary<string, IReadOnlyList<string>> allowed)
    : RowRule(kindColumn, valueColumn)
{
    /// <summary>Every value some kind allows, for the column's own enumeration.</summary>
    public string[] AllValues => allowed.Values.SelectMany(v => v).Distinct(StringComparer.Ordinal).ToArray();

    public override RuleViolation? Check(ParsedRow row)
    {
        if (row.Value(kindColumn) is not string kind || row.Value(valueColumn) is not string value
            || !allowed.TryGetValue(kind, out var values) || values.Contains(value, StringComparer.Ordinal))
            return null;
        return new RuleViolation(valueColumn,
            $"{valueColumn} '{Shown.Value(value)}' is not one for {kindColumn} '{Shown.Value(kind)}'; allowed: {string.Join(", ", values)}");
    }
}
