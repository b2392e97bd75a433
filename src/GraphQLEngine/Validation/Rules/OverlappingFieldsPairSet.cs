namespace GraphQLEngine.Validation.Rules;

/// <summary>
/// Pairs already compared, where the order of the pair matters. Each pair remembers whether it was
/// compared under mutually exclusive parents: a comparison made under exclusive parents checks less
/// (aliases and arguments may differ), so it does not stand in for a later non-exclusive comparison,
/// while a non-exclusive comparison covers both.
/// </summary>
internal sealed class OverlappingFieldsOrderedPairSet<TFirst>(IEqualityComparer<TFirst> firstComparer)
    where TFirst : notnull
{
    private readonly Dictionary<TFirst, Dictionary<string, bool>> _data = new(firstComparer);

    public bool Has(TFirst first, string second, bool areMutuallyExclusive)
    {
        if (!_data.TryGetValue(first, out var seconds) || !seconds.TryGetValue(second, out var storedExclusive))
            return false;
        return areMutuallyExclusive || storedExclusive == areMutuallyExclusive;
    }

    public void Add(TFirst first, string second, bool areMutuallyExclusive)
    {
        if (!_data.TryGetValue(first, out var seconds))
            _data[first] = seconds = new Dictionary<string, bool>(StringComparer.Ordinal);
        seconds[second] = areMutuallyExclusive;
    }
}

/// <summary>Pairs of fragment names already compared, where (a, b) and (b, a) are the same pair.</summary>
internal sealed class OverlappingFieldsFragmentPairSet
{
    private readonly OverlappingFieldsOrderedPairSet<string> _pairs = new(StringComparer.Ordinal);

    // Ordinal order matches JavaScript's `<` on strings (UTF-16 code units).
    public bool Has(string a, string b, bool areMutuallyExclusive) =>
        string.CompareOrdinal(a, b) < 0 ? _pairs.Has(a, b, areMutuallyExclusive) : _pairs.Has(b, a, areMutuallyExclusive);

    public void Add(string a, string b, bool areMutuallyExclusive)
    {
        if (string.CompareOrdinal(a, b) < 0) _pairs.Add(a, b, areMutuallyExclusive);
        else _pairs.Add(b, a, areMutuallyExclusive);
    }
}
