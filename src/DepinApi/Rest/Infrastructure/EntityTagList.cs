using Microsoft.Extensions.Primitives;

namespace DepinApi.Rest.Infrastructure;

/// <summary>One entity tag: its opaque quoted string (quotes included) and whether it is weak (<c>W/</c>).</summary>
public readonly record struct EntityTag(string Opaque, bool Weak)
{
    /// <summary>RFC 9110 8.8.3.2: strong comparison needs both tags strong; weak comparison ignores <c>W/</c>.</summary>
    public bool Matches(EntityTag other, bool strong) => Opaque == other.Opaque && !(strong && (Weak || other.Weak));

    public override string ToString() => Weak ? "W/" + Opaque : Opaque;

    /// <summary>A tag this server wrote (<c>"v3-…"</c>, <c>W/"…"</c>).</summary>
    public static EntityTag Of(string written) =>
        EntityTagList.TryParse(written, out var list) && list is { Any: false, Tags: [var only] }
            ? only
            : throw new ArgumentException($"'{written}' is not one entity tag.", nameof(written));
}

/// <summary>
/// The value of <c>If-Match</c> or <c>If-None-Match</c> as RFC 9110 13.1.1 and 13.1.2 write it: <c>*</c> alone, or a
/// comma-separated list of entity tags, each <c>W/</c> at most and a quoted string of visible characters other than
/// the quote (8.8.3). Field lines sent separately are one list (5.3); empty list elements are skipped (5.6.1).
/// ASP.NET Core's own parser is more lenient (<c>"a""a"</c> reads as two tags, <c>"a", *</c> as a tag and a wildcard),
/// so it is not used to read what a client sent.
/// </summary>
public sealed record EntityTagList(bool Any, IReadOnlyList<EntityTag> Tags)
{
    /// <summary>Whether any listed tag matches one of <paramref name="current"/>; <c>*</c> matches whatever exists.</summary>
    public bool MatchesAny(IEnumerable<EntityTag> current, bool strong) =>
        Any || current.Any(tag => Tags.Any(listed => listed.Matches(tag, strong)));

    /// <summary>False when the value does not parse, or lists no tag at all.</summary>
    public static bool TryParse(StringValues field, out EntityTagList list)
    {
        list = new EntityTagList(false, []);
        var text = field.Count == 1 ? field[0] ?? "" : string.Join(',', field.ToArray());
        if (text.AsSpan().Trim(" \t").SequenceEqual("*"))
        {
            list = new EntityTagList(true, []);
            return true;
        }
        var tags = new List<EntityTag>();
        var at = 0;
        while (true)
        {
            // Any number of empty elements and the white space around them.
            while (at < text.Length && text[at] is ' ' or '\t' or ',')
                at++;
            if (at == text.Length)
                break;
            var weak = text.AsSpan(at).StartsWith("W/", StringComparison.Ordinal);
            if (weak)
                at += 2;
            if (at == text.Length || text[at] != '"')
                return false;
            var end = at + 1;
            while (end < text.Length && IsTagCharacter(text[end]))
                end++;
            if (end == text.Length || text[end] != '"')
                return false;
            tags.Add(new EntityTag(text[at..(end + 1)], weak));
            at = end + 1;
            while (at < text.Length && text[at] is ' ' or '\t')
                at++;
            if (at < text.Length && text[at] != ',')
                return false;
        }
        list = new EntityTagList(false, tags);
        return tags.Count > 0;
    }

    // etagc = %x21 / %x23-7E / obs-text
    private static bool IsTagCharacter(char c) => c == '!' || (c >= '#' && c <= '~') || (c >= '\u0080' && c <= '\u00FF');
}
