namespace GraphQLEngine.Language;

/// <summary>
/// One lexical token: its kind, its span [Start, End) in UTF-16 offsets, the 1-based line and column
/// of its first character, and for names, numbers, strings and comments its value (strings unescaped,
/// block strings dedented).
/// </summary>
public readonly record struct Token(TokenKind Kind, int Start, int End, int Line, int Column, string? Value = null)
{
    /// <summary>The token as error messages describe it: <c>Name "foo"</c>, <c>"{"</c>, <c>&lt;EOF&gt;</c>.</summary>
    public string Describe() => Kind.Describe() + (Value is null ? "" : $" \"{Value}\"");
}
