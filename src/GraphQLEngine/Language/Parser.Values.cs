namespace GraphQLEngine.Language;

// Value literals. `isConst` marks places (default values, type system directives) where variables are not allowed.
public sealed partial class Parser
{
    private ValueNode ParseValueLiteral(bool isConst)
    {
        var token = _lexer.Token;
        switch (token.Kind)
        {
            case TokenKind.BracketL:
                return ParseList(isConst);
            case TokenKind.BraceL:
                return ParseObject(isConst);
            case TokenKind.Int:
                AdvanceLexer();
                return new IntValueNode(token.Value!) { Loc = Loc(token) };
            case TokenKind.Float:
                AdvanceLexer();
                return new FloatValueNode(token.Value!) { Loc = Loc(token) };
            case TokenKind.String or TokenKind.BlockString:
                return ParseStringLiteral();
            case TokenKind.Name:
                AdvanceLexer();
                return token.Value switch
                {
                    "true" => new BooleanValueNode(true) { Loc = Loc(token) },
                    "false" => new BooleanValueNode(false) { Loc = Loc(token) },
                    "null" => new NullValueNode { Loc = Loc(token) },
                    _ => new EnumValueNode(token.Value!) { Loc = Loc(token) },
                };
            case TokenKind.Dollar:
                if (isConst)
                {
                    ExpectToken(TokenKind.Dollar);
                    if (_lexer.Token.Kind == TokenKind.Name)
                        throw Error(token.Start, $"Unexpected variable \"${_lexer.Token.Value}\" in constant value.");
                    throw Unexpected(token);
                }
                return ParseVariable();
            default:
                throw Unexpected();
        }
    }

    private StringValueNode ParseStringLiteral()
    {
        var token = _lexer.Token;
        AdvanceLexer();
        return new StringValueNode(token.Value!, token.Kind == TokenKind.BlockString) { Loc = Loc(token) };
    }

    private ListValueNode ParseList(bool isConst)
    {
        var start = _lexer.Token;
        EnterNesting();
        var values = Any(TokenKind.BracketL, () => ParseValueLiteral(isConst), TokenKind.BracketR);
        LeaveNesting();
        return new ListValueNode(values) { Loc = Loc(start) };
    }

    private ObjectValueNode ParseObject(bool isConst)
    {
        var start = _lexer.Token;
        EnterNesting();
        var fields = Any(TokenKind.BraceL, () => ParseObjectField(isConst), TokenKind.BraceR);
        LeaveNesting();
        return new ObjectValueNode(fields) { Loc = Loc(start) };
    }

    private ObjectFieldNode ParseObjectField(bool isConst)
    {
        var start = _lexer.Token;
        var name = ParseName();
        ExpectToken(TokenKind.Colon);
        var value = ParseValueLiteral(isConst);
        return new ObjectFieldNode(name, value) { Loc = Loc(start) };
    }
}
