namespace GraphQLEngine.Language;

/// <summary>The kinds of lexical token a GraphQL document is made of (graphql-js <c>TokenKind</c>).</summary>
public enum TokenKind
{
    /// <summary>Start of file: the lexer's state before the first token.</summary>
    Sof,
    /// <summary>End of file; the lexer keeps returning it once reached.</summary>
    Eof,
    Bang,
    Dollar,
    Amp,
    ParenL,
    ParenR,
    Spread,
    Colon,
    Equals,
    At,
    BracketL,
    BracketR,
    BraceL,
    Pipe,
    BraceR,
    Name,
    Int,
    Float,
    String,
    BlockString,
    Comment,
}

/// <summary>How token kinds are named in syntax error messages.</summary>
public static class TokenKindExtensions
{
    /// <summary>The kind's name as graphql-js spells it, e.g. <c>&lt;EOF&gt;</c>, <c>...</c>, <c>Name</c>.</summary>
    public static string Text(this TokenKind kind) => kind switch
    {
        TokenKind.Sof => "<SOF>",
        TokenKind.Eof => "<EOF>",
        TokenKind.Bang => "!",
        TokenKind.Dollar => "$",
        TokenKind.Amp => "&",
        TokenKind.ParenL => "(",
        TokenKind.ParenR => ")",
        TokenKind.Spread => "...",
        TokenKind.Colon => ":",
        TokenKind.Equals => "=",
        TokenKind.At => "@",
        TokenKind.BracketL => "[",
        TokenKind.BracketR => "]",
        TokenKind.BraceL => "{",
        TokenKind.Pipe => "|",
        TokenKind.BraceR => "}",
        TokenKind.Name => "Name",
        TokenKind.Int => "Int",
        TokenKind.Float => "Float",
        TokenKind.String => "String",
        TokenKind.BlockString => "BlockString",
        TokenKind.Comment => "Comment",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>True for the punctuators, which error messages quote: <c>Expected "{"</c> but <c>Expected Name</c>.</summary>
    public static bool IsPunctuator(this TokenKind kind) => kind is >= TokenKind.Bang and <= TokenKind.BraceR;

    /// <summary>The kind as it appears in an error message: punctuators quoted, others bare.</summary>
    public static string Describe(this TokenKind kind) => kind.IsPunctuator() ? $"\"{kind.Text()}\"" : kind.Text();
}
