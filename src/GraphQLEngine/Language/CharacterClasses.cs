namespace GraphQLEngine.Language;

/// <summary>The spec's lexical character classes; take an int so that "past the end" (-1) is never a member.</summary>
internal static class CharacterClasses
{
    public static bool IsWhiteSpace(int code) => code is 0x09 or 0x20;

    public static bool IsDigit(int code) => code is >= '0' and <= '9';

    public static bool IsLetter(int code) => code is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z');

    public static bool IsNameStart(int code) => IsLetter(code) || code == '_';

    public static bool IsNameContinue(int code) => IsLetter(code) || IsDigit(code) || code == '_';

    /// <summary>Any code point except the surrogates: what the spec calls a SourceCharacter.</summary>
    public static bool IsUnicodeScalarValue(int code) => code is (>= 0 and <= 0xD7FF) or (>= 0xE000 and <= 0x10FFFF);

    public static bool IsLeadingSurrogate(int code) => code is >= 0xD800 and <= 0xDBFF;

    public static bool IsTrailingSurrogate(int code) => code is >= 0xDC00 and <= 0xDFFF;
}
