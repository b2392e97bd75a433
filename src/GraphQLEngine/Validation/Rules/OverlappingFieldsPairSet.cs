using System.Runtime.InteropServices;

namespace GraphQLEngine.Validation.Rules;

/// <summary>
/// Pairs of fragment names already compared, where (a, b) and (b, a) are the same pair: for the lesser name of each
/// pair, the greater names it was compared with (<see cref="OverlappingFieldsComparedFragments"/>, which also says
/// what a comparison under mutually exclusive parents stands in for).
/// </summary>
internal sealed class OverlappingFieldsFragmentPairSet
{
    private readonly Dictionary<string, OverlappingFieldsComparedFragments> _comparedWith = new(StringComparer.Ordinal);

    public bool Has(string a, string b, bool areMutuallyExclusive)
    {
        var (first, second) = Ordered(a, b);
        return _comparedWith.TryGetValue(first, out var compared) && compared.Has(second, areMutuallyExclusive);
    }

    public void Add(string a, string b, bool areMutuallyExclusive)
    {
        var (first, second) = Ordered(a, b);
        CollectionsMarshal.GetValueRefOrAddDefault(_comparedWith, first, out _).Add(second, areMutuallyExclusive);
    }

    // Ordinal order matches JavaScript's `<` on strings (UTF-16 code units).
    private static (string First, string Second) Ordered(string a, string b) => string.CompareOrdinal(a, b) < 0 ? (a, b) : (b, a);
}
