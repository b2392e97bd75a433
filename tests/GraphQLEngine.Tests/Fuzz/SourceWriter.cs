using System.Text;

namespace GraphQLEngine.Tests.Fuzz;

/// <summary>
/// Writes tokens with randomly chosen ignored material between them (spaces, tabs, newlines in all three
/// spellings, commas, comments, a byte order mark), so that generated documents exercise the lexer's
/// handling of everything the grammar lets through between tokens.
/// </summary>
internal sealed class SourceWriter(Random random)
{
    private static readonly string[] Separators = [" ", " ", " ", "\n", "  ", ",", ", ", "\t", "\r\n", "\r", "\n  # note\n", "#\u00e9\u4e2d\n", "\uFEFF"];

    private readonly StringBuilder _text = new();

    /// <summary>Appends a token, preceded by a separator (always one where two name-like tokens would run together).</summary>
    public SourceWriter Token(string token)
    {
        if (_text.Length > 0 && (NeedsSeparator(_text[^1], token[0]) || random.Next(3) == 0))
            _text.Append(Separators[random.Next(Separators.Length)]);
        _text.Append(token);
        return this;
    }

    public override string ToString() => _text.ToString();

    // Names, numbers and the dots of a spread would merge with what follows; "." then "." would read as a spread.
    private static bool NeedsSeparator(char last, char next) =>
        (IsWordChar(last) && (IsWordChar(next) || next is '.' or '-')) || (last == '.' && next == '.');

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '"';
}
