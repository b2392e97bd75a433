namespace GraphQLEngine.Utilities;

/// <summary>
/// Text measured as a reader counts it: in Unicode characters (scalar values), not in the UTF-16 code units of
/// <see cref="string.Length"/>, which count an emoji, or any character outside the Basic Multilingual Plane, twice.
/// A limit stated in characters is checked with these, and text cut with them never splits a character in two.
/// </summary>
public static class Characters
{
    /// <summary>The characters in <paramref name="text"/>; a lone surrogate counts as one.</summary>
    public static int Count(ReadOnlySpan<char> text)
    {
        var count = 0;
        foreach (var _ in text.EnumerateRunes())
            count++;
        return count;
    }

    /// <summary>The code units the first <paramref name="characters"/> characters of <paramref name="text"/> take: all of it when it has no more.</summary>
    public static int LengthOfFirst(ReadOnlySpan<char> text, int characters)
    {
        var length = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (characters-- == 0)
                break;
            length += rune.Utf16SequenceLength;
        }
        return length;
    }
}
