namespace GraphQLEngine.Validation.Rules;

/// <summary>
/// The fragments one field map's fields (or one fragment, <see cref="OverlappingFieldsFragmentPairSet"/>) were
/// compared with, each noting whether under mutually exclusive parents: a comparison made under exclusive parents
/// checks less (aliases and arguments may differ), so it does not stand in for a later non-exclusive comparison, while
/// a non-exclusive comparison covers both. Kept on the field map itself: a document that repeats a field a thousand
/// times has a thousand field maps, each compared with one or two fragments, and a table of its own for each (or one
/// table for all, which outgrew the small-object heap) was most of what its check allocated.
/// </summary>
internal struct OverlappingFieldsComparedFragments
{
    private string? _first;
    private bool _firstExclusive;
    private string? _second;
    private bool _secondExclusive;
    private Dictionary<string, bool>? _more;

    public readonly bool Has(string name, bool areMutuallyExclusive)
    {
        bool stored;
        if (name == _first) stored = _firstExclusive;
        else if (name == _second) stored = _secondExclusive;
        else if (_more is null || !_more.TryGetValue(name, out stored)) return false;
        return areMutuallyExclusive || stored == areMutuallyExclusive;
    }

    public void Add(string name, bool areMutuallyExclusive)
    {
        if (_first is null || name == _first) (_first, _firstExclusive) = (name, areMutuallyExclusive);
        else if (_second is null || name == _second) (_second, _secondExclusive) = (name, areMutuallyExclusive);
        else (_more ??= new Dictionary<string, bool>(StringComparer.Ordinal))[name] = areMutuallyExclusive;
    }
}
