using System.Globalization;

namespace GraphQLEngine.Utilities;

/// <summary>
/// Cuts a message that quotes what a client sent. Errors quote values and names whole, so a 250 KB enum value came
/// back in a 250 KB error; cut, a message stays readable and its answer small, and it says how long the whole was.
/// </summary>
public static class QuotedText
{
    /// <summary>The longest error message written whole.</summary>
    public const int MaxMessageLength = 4_000;

    /// <summary>
    /// <paramref name="text"/> whole when it has at most <paramref name="length"/> characters, else its first
    /// <paramref name="length"/> characters and how many it has (<see cref="Characters"/>: no character cut in two).
    /// </summary>
    public static string Cut(string text, int length)
    {
        if (text.Length <= length)
            return text;
        var kept = Characters.LengthOfFirst(text, length);
        return kept == text.Length
            ? text
            : string.Create(CultureInfo.InvariantCulture, $"{text.AsSpan(0, kept)}… ({Characters.Count(text):N0} characters)");
    }
}
