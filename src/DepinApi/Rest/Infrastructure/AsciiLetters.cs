namespace DepinApi.Rest.Infrastructure;

/// <summary>Case folding of ASCII letters alone, for values compared where Unicode case rules could differ.</summary>
public static class AsciiLetters
{
    /// <summary><paramref name="text"/> with A–Z in lower case and every other character as it is.</summary>
    public static string Lower(string text) => string.Create(text.Length, text, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
            span[i] = char.IsAsciiLetterUpper(source[i]) ? (char)(source[i] | 0x20) : source[i];
    });
}
