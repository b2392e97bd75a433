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
/// Keys merge across inline fragments and fragment spreads, as execution merges them: a field written twice under one
/// key is one field and costs nothing more. When such a field selects fields, execution merges the selections too, so
/// copies spread over the repeats (<c>source { a: title } source { b: title }</c>) are found in the merged selection
/// and charged for what they add to the copies each repeat already paid for.
/// </remarks>
internal sealed class ResponseKeys(CostCounter costs)
{
    /// <summary>The group of a connection's lists; no field name can contain a NUL.</summary>
    public const string ConnectionPage = "\0page";

    private readonly Dictionary<string, Group> _groups = new(StringComparer.Ordinal);
    private long? _copiesCost;

    /// <summary>
    /// One selected field's key: <paramref name="Group"/> is its field name (or <see cref="ConnectionPage"/>). A field
    /// with a selection set brings the keys of that set (<paramref name="Children"/>, null when it has none) and how many
    /// objects they are written in per object here (<paramref name="ChildMultiplier"/>).
    /// </summary>
    public readonly record struct Entry(string Group, string Key, long CopyCost, ResponseKeys? Children = null, long ChildMultiplier = 1);

    public bool IsEmpty => _groups.Count == 0;

    public void Add(Entry entry)
    {
        _copiesCost = null;
        GroupOf(entry.Group, entry.CopyCost).Field(entry.Key, entry.ChildMultiplier)
            .Add(entry.Children, entry.Children?.CopiesCost() ?? 0, costs);
    }

    public void AddAll(ResponseKeys other)
    {
        _copiesCost = null;
        foreach (var (name, theirs) in other._groups)
        {
            var group = GroupOf(name, theirs.CopyCost);
            foreach (var (key, field) in theirs.Fields) group.Field(key, field.ChildMultiplier).AddAll(field, costs);
        }
    }

    /// <summary>What the copies among these keys cost, per object the selection set is applied to, beyond what was paid.</summary>
    public long CopiesCost()
    {
        if (_copiesCost is { } known) return known;
        long total = 0;
        foreach (var group in _groups.Values)
        {
            total = costs.Add(total, costs.Multiply(group.Fields.Count - 1, group.CopyCost));
            foreach (var field in group.Fields.Values)
                total = costs.Add(total, costs.Multiply(field.UnpaidCopies(costs), field.ChildMultiplier));
        }
        _copiesCost = total;
        return total;
    }

    private Group GroupOf(string name, long copyCost)
    {
        if (!_groups.TryGetValue(name, out var group)) _groups[name] = group = new Group();
        group.CopyCost = Math.Max(group.CopyCost, copyCost);
        return group;
    }

    private sealed class Group
    {
        public long CopyCost { get; set; }

        public Dictionary<string, MergedField> Fields { get; } = new(StringComparer.Ordinal);

        public MergedField Field(string key, long childMultiplier)
        {
            if (!Fields.TryGetValue(key, out var field)) Fields[key] = field = new MergedField();
            field.ChildMultiplier = Math.Max(field.ChildMultiplier, childMultiplier);
            return field;
        }
    }

    /// <summary>A field written under one key, as often as it is: the selections execution will merge.</summary>
    private sealed class MergedField
    {
        // Distinct selections: a fragment's keys are one object however often it is spread, so a chain of fragments
        // spread twice at every level merges in linear time, not exponential.
        private readonly HashSet<ResponseKeys> _selections = new(ReferenceEqualityComparer.Instance);

        /// <summary>The copies its repeats' own selections were charged, each per object.</summary>
        private long _paidCopies;

        public long ChildMultiplier { get; set; } = 1;

        public void Add(ResponseKeys? selection, long paidCopies, CostCounter costs)
        {
            if (selection is not null) _selections.Add(selection);
            _paidCopies = costs.Add(_paidCopies, paidCopies);
        }

        public void AddAll(MergedField other, CostCounter costs)
        {
            _selections.UnionWith(other._selections);
            _paidCopies = costs.Add(_paidCopies, other._paidCopies);
        }

        /// <summary>What the merged selection holds in copies beyond those its repeats paid for.</summary>
        public long UnpaidCopies(CostCounter costs)
        {
            if (_selections.Count < 2) return 0;
            var merged = new ResponseKeys(costs);
            foreach (var selection in _selections) merged.AddAll(selection);
            return Math.Max(0, merged.CopiesCost() - _paidCopies);
        }
    }
}
