namespace GraphQLEngine.Language;

/// <summary>
/// Recursive-descent parser for GraphQL documents (executable and type system), following graphql-js 16:
/// same tree shape, same error messages and positions. Linear in the input; bounded by
/// <see cref="ParseOptions.MaxTokens"/> and <see cref="ParseOptions.MaxDepth"/> so that hostile input fails
/// with a <see cref="GraphQLSyntaxError"/> instead of exhausting time or stack.
/// </summary>
public sealed partial class Parser
{
    private readonly Lexer _lexer;
    private readonly ParseOptions _options;
    private int _tokenCount;
    private int _depth;

    private Parser(string source, ParseOptions? options)
    {
        ArgumentNullException.ThrowIfNull(source);
        _lexer = new Lexer(source);
        _options = options ?? ParseOptions.Default;
    }

    /// <summary>Parses a whole document. Throws <see cref="GraphQLSyntaxError"/> on invalid input.</summary>
    public static DocumentNode Parse(string source, ParseOptions? options = null) =>
        new Parser(source, options).ParseDocument();

    /// <summary>Parses a single value literal such as <c>[1, {a: $v}]</c>; variables are allowed.</summary>
    public static ValueNode ParseValue(string source, ParseOptions? options = null) =>
        ParseWholeSource(source, options, static parser => parser.ParseValueLiteral(isConst: false));

    /// <summary>Parses a single constant value literal; a variable is a syntax error.</summary>
    public static ValueNode ParseConstValue(string source, ParseOptions? options = null) =>
        ParseWholeSource(source, options, static parser => parser.ParseValueLiteral(isConst: true));

    /// <summary>Parses a type reference such as <c>[String!]!</c>.</summary>
    public static TypeNode ParseType(string source, ParseOptions? options = null) =>
        ParseWholeSource(source, options, static parser => parser.ParseTypeReference());

    // A value or type parsed on its own must fill the source: anything after it is an error, as in graphql-js.
    private static T ParseWholeSource<T>(string source, ParseOptions? options, Func<Parser, T> parse)
    {
        var parser = new Parser(source, options);
        parser.ExpectToken(TokenKind.Sof);
        var result = parse(parser);
        parser.ExpectToken(TokenKind.Eof);
        return result;
    }

    private DocumentNode ParseDocument()
    {
        var start = _lexer.Token;
        var definitions = Many(TokenKind.Sof, ParseDefinition, TokenKind.Eof);
        return new DocumentNode(definitions) { Loc = Loc(start) };
    }

    private NameNode ParseName()
    {
        var token = ExpectToken(TokenKind.Name);
        return new NameNode(token.Value!) { Loc = Loc(token) };
    }

    // ---- Core utilities ----

    /// <summary>The span from <paramref name="start"/> to the last consumed token, unless locations are off.</summary>
    private Location? Loc(Token start) =>
        _options.NoLocation ? null : new Location(start.Start, _lexer.LastToken.End, start.Line, start.Column);

    private bool Peek(TokenKind kind) => _lexer.Token.Kind == kind;

    private Token ExpectToken(TokenKind kind)
    {
        var token = _lexer.Token;
        if (token.Kind == kind)
        {
            AdvanceLexer();
            return token;
        }
        throw Error(token.Start, $"Expected {kind.Describe()}, found {token.Describe()}.");
    }

    private bool ExpectOptionalToken(TokenKind kind)
    {
        if (_lexer.Token.Kind != kind) return false;
        AdvanceLexer();
        return true;
    }

    private void ExpectKeyword(string value)
    {
        var token = _lexer.Token;
        if (token.Kind == TokenKind.Name && token.Value == value) AdvanceLexer();
        else throw Error(token.Start, $"Expected \"{value}\", found {token.Describe()}.");
    }

    private bool ExpectOptionalKeyword(string value)
    {
        var token = _lexer.Token;
        if (token.Kind != TokenKind.Name || token.Value != value) return false;
        AdvanceLexer();
        return true;
    }

    private GraphQLSyntaxError Unexpected(Token? atToken = null)
    {
        var token = atToken ?? _lexer.Token;
        return Error(token.Start, $"Unexpected {token.Describe()}.");
    }

    private GraphQLSyntaxError Error(int position, string description) =>
        GraphQLSyntaxError.At(_lexer.Body, position, description);

    /// <summary>Zero or more items between open and close: <c>[]</c>, <c>{}</c> are allowed.</summary>
    private IReadOnlyList<T> Any<T>(TokenKind open, Func<T> parseItem, TokenKind close)
    {
        ExpectToken(open);
        if (ExpectOptionalToken(close)) return [];
        var nodes = new List<T>();
        do nodes.Add(parseItem());
        while (!ExpectOptionalToken(close));
        return nodes;
    }

    /// <summary>Nothing when the open token is absent, else one or more items.</summary>
    private IReadOnlyList<T> OptionalMany<T>(TokenKind open, Func<T> parseItem, TokenKind close)
    {
        if (!ExpectOptionalToken(open)) return [];
        var nodes = new List<T>();
        do nodes.Add(parseItem());
        while (!ExpectOptionalToken(close));
        return nodes;
    }

    /// <summary>One or more items between open and close.</summary>
    private IReadOnlyList<T> Many<T>(TokenKind open, Func<T> parseItem, TokenKind close)
    {
        ExpectToken(open);
        var nodes = new List<T>();
        do nodes.Add(parseItem());
        while (!ExpectOptionalToken(close));
        return nodes;
    }

    /// <summary>One or more items separated by a delimiter, which may also lead: <c>= | A | B</c>.</summary>
    private IReadOnlyList<T> DelimitedMany<T>(TokenKind delimiter, Func<T> parseItem)
    {
        ExpectOptionalToken(delimiter);
        var nodes = new List<T>();
        do nodes.Add(parseItem());
        while (ExpectOptionalToken(delimiter));
        return nodes;
    }

    private void AdvanceLexer()
    {
        var token = _lexer.Advance();
        if (token.Kind == TokenKind.Eof) return;
        _tokenCount++;
        var maxTokens = _options.MaxTokens;
        if (maxTokens > 0 && _tokenCount > maxTokens)
            throw Error(token.Start, $"Document contains more that {maxTokens} tokens. Parsing aborted.");
    }

    /// <summary>Called on entering a nested construct; refuses nesting beyond <see cref="ParseOptions.MaxDepth"/>.</summary>
    private void EnterNesting()
    {
        _depth++;
        var maxDepth = _options.MaxDepth;
        if (maxDepth > 0 && _depth > maxDepth)
            throw Error(_lexer.Token.Start, $"Document nesting is deeper than {maxDepth} levels. Parsing aborted.");
    }

    private void LeaveNesting() => _depth--;
}
