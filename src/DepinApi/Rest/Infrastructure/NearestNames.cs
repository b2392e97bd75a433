namespace DepinApi.Rest.Infrastructure;

/// <summary>
/// "Did you mean" for every name a client can get wrong: a project's slug, a source's id, a query parameter. A name is
/// near a known one that it begins (the only one: <c>gate</c> for <c>gate-2026-06-01</c>), one it begins with before a
/// separator (<c>aethir/revenue</c> or <c>helium-network</c> for <c>aethir</c>, <c>helium</c>), or one a few edits away
/// (<c>heliun</c>); a prefix of several names suggests none of them by its prefix, since it cannot tell which was meant.
/// A name that differs from a known one in letter case alone is nearest of all (<c>QUARTERLY_REVENUE</c> for
/// <c>quarterly_revenue</c>): values are compared as written, and that many edits would otherwise rule it out.
/// </summary>
public static class NearestNames
{
    /// <summary>The nearest known name, or null when none is close enough to be a plausible slip.</summary>
    public static string? Nearest(string name, IEnumerable<string> known) => NearestFew(name, known, 1) is [var nearest] ? nearest : null;

    /// <summary>Up to <paramref name="count"/> known names near <paramref name="name"/>, nearest first.</summary>
    public static IReadOnlyList<string> NearestFew(string name, IEnumerable<string> known, int count)
    {
        var names = known as IReadOnlyCollection<string> ?? [.. known];
        var completions = name.Length == 0 ? [] : names.Where(k => k.Length > name.Length && k.StartsWith(name, StringComparison.Ordinal)).Take(2).ToList();
        var limit = Math.Max(2, name.Length / 2);
        return names
            // A prefix either way ranks before any edit: it says more about what was meant than a count of edits.
            .Select(k => (Name: k, Distance: InOtherLetters(name, k) ? -2
                : (completions is [var only] && only == k) || Extends(name, k) ? -1 : Distance(name, k, limit)))
            .Where(k => k.Distance <= limit)
            .OrderBy(k => k.Distance).ThenBy(k => k.Name, StringComparer.Ordinal)
            .Take(count)
            .Select(k => k.Name)
            .ToList();
    }

    // The edit distance, or past the limit without counting it when the lengths alone differ by more: a distance is
    // at least that difference, and counting it costs the product of the lengths (an 8 KB slug against each project's).
    private static int Distance(string name, string known, int limit) =>
        Math.Abs(name.Length - known.Length) > limit ? limit + 1 : EditDistance.Between(name, known);

    private static bool InOtherLetters(string name, string known) =>
        !string.Equals(name, known, StringComparison.Ordinal) && string.Equals(name, known, StringComparison.OrdinalIgnoreCase);

    // The name is the known one with more after a separator: a path's next segment, a suffix.
    private static bool Extends(string name, string known) =>
        known.Length > 0 && name.Length > known.Length && name.StartsWith(known, StringComparison.Ordinal) && !char.IsLetterOrDigit(name[known.Length]);
}
