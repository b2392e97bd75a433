using System.Text.RegularExpressions;
using Microsoft.Net.Http.Headers;

namespace GraphQLEngine.Http;

/// <summary>
/// How much an <c>Accept</c> header wants one media type, by RFC 9110 12.5.1: the type takes the quality of the most
/// specific range that matches it (<c>*/*</c>, then <c>type/*</c>, then the type itself, then the type with a
/// <c>charset</c>), whatever the order of the ranges, so <c>application/json;q=0, */*</c> refuses JSON and gives any other
/// type 1, and <c>*/*;q=0.9, text/html;q=0.1</c> gives JSON 0.9. Responses are always UTF-8, so a range asking for
/// another charset matches nothing. Every negotiator of the server (GraphQL's media type, REST's representations, the
/// IDE's page) reads qualities here and only decides what to do with them.
/// </summary>
public static partial class MediaRanges
{
    /// <summary>The specificity of a range naming the type itself (with or without a charset): at least this.</summary>
    public const int Named = 4;

    /// <summary>
    /// The quality the most specific range of <paramref name="ranges"/> matching <paramref name="mediaType"/> gives it
    /// (<c>type/subtype</c>, without parameters), and that range's specificity; quality 0 and specificity -1 when none
    /// matches. Ranges equally specific, which RFC 9110 does not order, give the highest of their qualities.
    /// </summary>
    public static MediaRangeMatch Match(IEnumerable<MediaTypeHeaderValue> ranges, string mediaType)
    {
        var slash = mediaType.IndexOf('/');
        var type = mediaType.AsSpan(0, slash);
        var subType = mediaType.AsSpan(slash + 1);
        var quality = 0.0;
        var specificity = -1;
        foreach (var range in ranges)
        {
            var rank = Specificity(range, type, subType);
            if (rank < 0 || rank < specificity) continue;
            var rangeQuality = range.Quality ?? 1.0;
            quality = rank > specificity ? rangeQuality : Math.Max(quality, rangeQuality);
            specificity = rank;
        }
        return new MediaRangeMatch(quality, specificity);
    }

    /// <summary>How specifically <paramref name="range"/> names the type; -1 when it does not match it.</summary>
    private static int Specificity(MediaTypeHeaderValue range, ReadOnlySpan<char> type, ReadOnlySpan<char> subType)
    {
        if (!IsUtf8(range) || !HasQValue(range)) return -1;
        var charset = range.Charset.HasValue ? 1 : 0;
        if (range.MatchesAllTypes) return charset;
        if (!range.Type.AsSpan().Equals(type, StringComparison.OrdinalIgnoreCase)) return -1;
        if (range.MatchesAllSubTypes) return 2 + charset;
        return range.SubType.AsSpan().Equals(subType, StringComparison.OrdinalIgnoreCase) ? Named + charset : -1;
    }

    // A "q" that is no qvalue (RFC 9110 12.4.2: 0 to 1, at most three decimals) makes its range mean nothing: read as a
    // missing quality, "text/csv;q=-1" or "q=abc" would have been a range wanted most of all.
    private static bool HasQValue(MediaTypeHeaderValue range)
    {
        foreach (var parameter in range.Parameters)
        {
            if (parameter.Name.Equals("q", StringComparison.OrdinalIgnoreCase))
                return parameter.Value.HasValue && QValue().IsMatch(parameter.Value.Value);
        }
        return true;
    }

    [GeneratedRegex(@"^(?:0(?:\.[0-9]{0,3})?|1(?:\.0{0,3})?)\z")]
    private static partial Regex QValue();

    // A parameter's value may be quoted (RFC 9110 5.6.6): charset="utf-8" is charset=utf-8.
    private static bool IsUtf8(MediaTypeHeaderValue range)
    {
        var charset = HeaderUtilities.RemoveQuotes(range.Charset).Value;
        return charset is null
               || string.Equals(charset, "utf-8", StringComparison.OrdinalIgnoreCase)
               || string.Equals(charset, "utf8", StringComparison.OrdinalIgnoreCase);
    }
}

/// <summary>What an <c>Accept</c> header gives one media type (<see cref="MediaRanges.Match"/>).</summary>
/// <param name="Quality">0 (not acceptable) to 1.</param>
/// <param name="Specificity">
/// Of the range that gave it: 0 <c>*/*</c>, 2 <c>type/*</c>, <see cref="MediaRanges.Named"/> the type itself, one more
/// with a <c>charset</c>; -1 when no range matches.
/// </param>
public readonly record struct MediaRangeMatch(double Quality, int Specificity)
{
    /// <summary>Whether the header names the type outright, not only through a wildcard.</summary>
    public bool IsNamed => Specificity >= MediaRanges.Named;
}
