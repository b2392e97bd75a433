namespace GraphQLEngine.Limits;

/// <summary>
/// The response keys the selections of one selection set write into each object it selects, grouped by what a further
/// key costs, so that copies made with aliases are charged like the objects they add.
/// </summary>
/// <remarks>
/// A list of objects is charged per item wherever it is selected, so its aliased copies pay in full already. A field
/// that costs nothing of its own (a scalar, a list of scalars, an embedded object such as a figure's
/// <c>source</c>) would not: thirty aliases of <c>citation</c> return thirty citations per figure for the price of
/// one. So every response key after the first of such a field costs <see cref="Entry.CopyCost"/>: one point, or the
/// list's items. The lists of a connection (<c>nodes</c>, <c>edges</c>) are one group: each is the page again.
/// Keys merge across inline fragments and fragment spreads, as execution merges them; the same key written twice is
/// one field and costs nothing more.
/// </remarks>
internal sealed class ResponseKeys
{
    /// <summary>The group of a connection's lists; no field name can contain a NUL.</summary>
    public const string ConnectionPage = "\0page";

    private readonly Dictionary<string, (long CopyCost, HashSet<string> Keys)> _groups = new(StringComparer.Ordinal);

    /// <summary>One selected field's key: <paramref name="Group"/> is its field name (or <see cref="ConnectionPage"/>).</summary>
    public readonly record struct Entry(string Group, string Key, long CopyCost);

    public bool IsEmpty => _groups.Count == 0;

    public void Add(Entry entry)
    {
        if (_groups.TryGetValue(entry.Group, out var group))
        {
            group.Keys.Add(entry.Key);
            if (entry.CopyCost > group.CopyCost) _groups[entry.Group] = (entry.CopyCost, group.Keys);
        }
        else
        {
            _groups[entry.Group] = (entry.CopyCost, new HashSet<string>(StringComparer.Ordinal) { entry.Key });
        }
    }

    public void AddAll(ResponseKeys other)
    {
        foreach (var (group, (copyCost, keys)) in other._groups)
        {
            foreach (var key in keys) Add(new Entry(group, key, copyCost));
        }
    }

    /// <summary>What the keys after the first of each group cost, per object the selection set is applied to.</summary>
    public long CopiesCost()
    {
        long total = 0;
        foreach (var (copyCost, keys) in _groups.Values)
            total = SaturatingMath.Add(total, SaturatingMath.Multiply(keys.Count - 1, copyCost));
        return total;
    }
}
