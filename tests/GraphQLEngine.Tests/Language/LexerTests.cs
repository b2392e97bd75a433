using GraphQLEngine.Language;

namespace GraphQLEngine.Tests.Language;

public class LexerTests
{
    private static Token LexOne(string source) => new Lexer(source).Advance();

    private static GraphQLSyntaxError LexError(string source)
    {
        var lexer = new Lexer(source);
        return Assert.Throws<GraphQLSyntaxError>(() =>
        {
            while (lexer.Advance().Kind != TokenKind.Eof) { }
        });
    }

    [Fact]
    public void Reads_a_name_with_its_span_and_position()
    {
        Assert.Equal(new Token(TokenKind.Name, 8, 11, 4, 3, "foo"), LexOne("\n \r\n \r  foo\n"));
    }

    [Fact]
    public void Skips_the_byte_order_mark_commas_and_comments()
    {
        Assert.Equal(new Token(TokenKind.Name, 2, 5, 1, 3, "foo"), LexOne("\uFEFF foo"));
        Assert.Equal(new Token(TokenKind.Name, 3, 6, 1, 4, "foo"), LexOne(",,,foo,,,"));
        Assert.Equal(new Token(TokenKind.Name, 18, 21, 3, 5, "foo"), LexOne("\n    #comment\n    foo#comment\n"));
    }

    [Fact]
    public void Keeps_returning_end_of_file_once_reached()
    {
        var lexer = new Lexer("a");
        Assert.Equal(TokenKind.Name, lexer.Advance().Kind);
        Assert.Equal(TokenKind.Eof, lexer.Advance().Kind);
        Assert.Equal(TokenKind.Eof, lexer.Advance().Kind);
        Assert.Equal(TokenKind.Eof, lexer.Lookahead().Kind);
    }

    [Fact]
    public void Lookahead_does_not_move_and_skips_comments()
    {
        var lexer = new Lexer("a # note\n b c");
        lexer.Advance();
        Assert.Equal("b", lexer.Lookahead().Value);
        Assert.Equal("a", lexer.Token.Value);
        Assert.Equal(new Token(TokenKind.Name, 10, 11, 2, 2, "b"), lexer.Advance());
        Assert.Equal("a", lexer.LastToken.Value);
    }

    [Fact]
    public void Decodes_escapes_including_variable_width_unicode_and_surrogate_pairs()
    {
        Assert.Equal("q\" \\ / \b \f \n \r \t", LexOne("\"q\\\" \\\\ \\/ \\b \\f \\n \\r \\t\"").Value);
        Assert.Equal("\u00e9\U0001F600\U0001F600\u0000\U0010FFFF",
            LexOne("\"\\u00e9\\u{1F600}\\uD83D\\uDE00\\u{0}\\u{10FFFF}\"").Value);
    }

    [Fact]
    public void Keeps_characters_outside_the_basic_plane_in_strings_and_counts_columns_in_utf16_units()
    {
        var lexer = new Lexer("\"\U0001F600\" x");
        Assert.Equal("\U0001F600", lexer.Advance().Value);
        Assert.Equal(new Token(TokenKind.Name, 5, 6, 1, 6, "x"), lexer.Advance());
    }

    // Attribute arguments cannot hold unpaired surrogates (metadata stores them as UTF-8), hence a table in code.
    [Fact]
    public void Rejects_unpaired_surrogates_as_graphql_js_does()
    {
        (string Source, string Message, int Column)[] cases =
        [
            ("\uD800", "Syntax Error: Invalid character: U+D800.", 1),
            ("\U0001F600", "Syntax Error: Unexpected character: U+1F600.", 1),
            ("\"a\uD800\"", "Syntax Error: Invalid character within String: U+D800.", 3),
            ("\"\uDEAD\uDEAD\"", "Syntax Error: Invalid character within String: U+DEAD.", 2),
            ("\"\"\"a\uD800\"\"\"", "Syntax Error: Invalid character within String: U+D800.", 5),
            ("# c \uD800\n{ a }", "Syntax Error: Invalid character: U+D800.", 5),
            ("\"\\uD83D\uDE00\"", "Syntax Error: Invalid Unicode escape sequence: \"\\uD83D\".", 2),
        ];
        foreach (var (source, message, column) in cases)
        {
            var error = LexError(source);
            Assert.Equal(message, error.Message);
            Assert.Equal((1, column), (error.Line, error.Column));
        }
    }

    [Theory]
    [InlineData("00", "Syntax Error: Invalid number, unexpected digit after 0: \"0\".", 2)]
    [InlineData("1.", "Syntax Error: Invalid number, expected digit but got: <EOF>.", 3)]
    [InlineData("0x1", "Syntax Error: Invalid number, expected digit but got: \"x\".", 2)]
    [InlineData("1a", "Syntax Error: Invalid number, expected digit but got: \"a\".", 2)]
    [InlineData("1.2.3", "Syntax Error: Invalid number, expected digit but got: \".\".", 4)]
    [InlineData("\"abc", "Syntax Error: Unterminated string.", 5)]
    [InlineData("\"bad \\z\"", "Syntax Error: Invalid character escape sequence: \"\\z\".", 6)]
    [InlineData("'x'", "Syntax Error: Unexpected single quote character ('), did you mean to use a double quote (\")?", 1)]
    [InlineData("..", "Syntax Error: Unexpected character: \".\".", 1)]
    [InlineData("\u00a0", "Syntax Error: Unexpected character: U+00A0.", 1)]
    public void Reports_lexical_errors_with_graphql_js_messages(string source, string message, int column)
    {
        var error = LexError(source);
        Assert.Equal(message, error.Message);
        Assert.Equal(column, error.Column);
        Assert.Equal(column - 1, error.Position);
    }

    [Fact]
    public void Lexes_numbers_as_written()
    {
        Assert.Equal(new Token(TokenKind.Int, 0, 2, 1, 1, "-4"), LexOne("-4"));
        Assert.Equal(new Token(TokenKind.Float, 0, 9, 1, 1, "-1.123e-4"), LexOne("-1.123e-4"));
        Assert.Equal(TokenKind.Int, LexOne("123456789012345678901234567890").Kind);
    }

    [Fact]
    public void Dedents_block_strings_and_counts_their_lines()
    {
        var lexer = new Lexer("\"\"\"\n    spans\n      multiple\n    lines\n  \"\"\" next");
        Assert.Equal("spans\n  multiple\nlines", lexer.Advance().Value);
        Assert.Equal(new Token(TokenKind.Name, 45, 49, 5, 7, "next"), lexer.Advance());
    }

    [Fact]
    public void Unescapes_only_triple_quotes_in_block_strings()
    {
        Assert.Equal("a \"\"\" b \\n", LexOne("\"\"\"a \\\"\"\" b \\n\"\"\"").Value);
    }
}
