using System.Text;
using static GraphQLEngine.Language.CharacterClasses;

namespace GraphQLEngine.Language;

/// <summary>
/// Turns GraphQL source text into tokens on demand, following the October 2021 spec and graphql-js 16
/// (same tokens, same values, same error messages). Ignored tokens (whitespace, line terminators,
/// commas, the byte order mark, comments) are skipped.
/// </summary>
public sealed class Lexer
{
    private readonly string _body;
    private int _line = 1;
    private int _lineStart;
    private Token? _lookahead;

    public Lexer(string body)
    {
        _body = body;
        // At 1:1 rather than graphql-js's 0:0, so that a document's location is 1-based like every other.
        Token = new Token(TokenKind.Sof, 0, 0, 1, 1);
        LastToken = Token;
    }

    /// <summary>The source text being lexed.</summary>
    public string Body => _body;

    /// <summary>The current token; <see cref="TokenKind.Sof"/> before the first <see cref="Advance"/>.</summary>
    public Token Token { get; private set; }

    /// <summary>The token before <see cref="Token"/>: where the node being parsed ends.</summary>
    public Token LastToken { get; private set; }

    /// <summary>Moves to the next token and returns it; at the end keeps returning <see cref="TokenKind.Eof"/>.</summary>
    public Token Advance()
    {
        LastToken = Token;
        Token = Lookahead();
        _lookahead = null;
        return Token;
    }

    /// <summary>The token after the current one, without moving.</summary>
    public Token Lookahead()
    {
        if (Token.Kind == TokenKind.Eof) return Token;
        if (_lookahead is { } cached) return cached;
        var token = ReadNextToken(Token.End);
        while (token.Kind == TokenKind.Comment) token = ReadNextToken(token.End);
        _lookahead = token;
        return token;
    }

    private int CharAt(int position) => (uint)position < (uint)_body.Length ? _body[position] : -1;

    private Token CreateToken(TokenKind kind, int start, int end, string? value = null) =>
        new(kind, start, end, _line, 1 + start - _lineStart, value);

    private GraphQLSyntaxError Error(int position, string description) =>
        GraphQLSyntaxError.At(_body, position, description);

    private Token ReadNextToken(int start)
    {
        var body = _body;
        var position = start;
        while (position < body.Length)
        {
            int code = body[position];
            switch (code)
            {
                case 0xFEFF or '\t' or ' ' or ',':
                    position++;
                    continue;
                case '\n':
                    position++;
                    _line++;
                    _lineStart = position;
                    continue;
                case '\r':
                    position += CharAt(position + 1) == '\n' ? 2 : 1;
                    _line++;
                    _lineStart = position;
                    continue;
                case '#':
                    return ReadComment(position);
                case '!': return CreateToken(TokenKind.Bang, position, position + 1);
                case '$': return CreateToken(TokenKind.Dollar, position, position + 1);
                case '&': return CreateToken(TokenKind.Amp, position, position + 1);
                case '(': return CreateToken(TokenKind.ParenL, position, position + 1);
                case ')': return CreateToken(TokenKind.ParenR, position, position + 1);
                case '.':
                    if (CharAt(position + 1) == '.' && CharAt(position + 2) == '.')
                        return CreateToken(TokenKind.Spread, position, position + 3);
                    break;
                case ':': return CreateToken(TokenKind.Colon, position, position + 1);
                case '=': return CreateToken(TokenKind.Equals, position, position + 1);
                case '@': return CreateToken(TokenKind.At, position, position + 1);
                case '[': return CreateToken(TokenKind.BracketL, position, position + 1);
                case ']': return CreateToken(TokenKind.BracketR, position, position + 1);
                case '{': return CreateToken(TokenKind.BraceL, position, position + 1);
                case '|': return CreateToken(TokenKind.Pipe, position, position + 1);
                case '}': return CreateToken(TokenKind.BraceR, position, position + 1);
                case '"':
                    return CharAt(position + 1) == '"' && CharAt(position + 2) == '"'
                        ? ReadBlockString(position)
                        : ReadString(position);
            }

            if (IsDigit(code) || code == '-') return ReadNumber(position, code);
            if (IsNameStart(code)) return ReadName(position);

            throw Error(position,
                code == '\''
                    ? "Unexpected single quote character ('), did you mean to use a double quote (\")?"
                    : IsUnicodeScalarValue(code) || IsSupplementaryCodePoint(position)
                        ? $"Unexpected character: {PrintCodePointAt(position)}."
                        : $"Invalid character: {PrintCodePointAt(position)}.");
        }
        return CreateToken(TokenKind.Eof, body.Length, body.Length);
    }

    private bool IsSupplementaryCodePoint(int position) =>
        IsLeadingSurrogate(CharAt(position)) && IsTrailingSurrogate(CharAt(position + 1));

    /// <summary>Printable ASCII quoted, anything else as U+XXXX, the end of input as &lt;EOF&gt;.</summary>
    private string PrintCodePointAt(int position)
    {
        if (position >= _body.Length) return TokenKind.Eof.Text();
        int code = IsSupplementaryCodePoint(position)
            ? char.ConvertToUtf32(_body[position], _body[position + 1])
            : _body[position];
        if (code is >= 0x20 and <= 0x7E)
            return code == '"' ? "'\"'" : $"\"{(char)code}\"";
        return "U+" + code.ToString("X4");
    }

    private Token ReadComment(int start)
    {
        var position = start + 1;
        while (position < _body.Length)
        {
            int code = _body[position];
            if (code is '\n' or '\r') break;
            if (IsUnicodeScalarValue(code)) position++;
            else if (IsSupplementaryCodePoint(position)) position += 2;
            else break;
        }
        return CreateToken(TokenKind.Comment, start, position, _body[(start + 1)..position]);
    }

    // IntValue and FloatValue: no leading zeros, digits required after '.' and the exponent,
    // and no '.' or name start directly after the number (so `1.`, `0x1` and `1a` are errors).
    private Token ReadNumber(int start, int firstCode)
    {
        var position = start;
        var code = firstCode;
        var isFloat = false;

        if (code == '-') code = CharAt(++position);

        if (code == '0')
        {
            code = CharAt(++position);
            if (IsDigit(code))
                throw Error(position, $"Invalid number, unexpected digit after 0: {PrintCodePointAt(position)}.");
        }
        else
        {
            position = ReadDigits(position, code);
            code = CharAt(position);
        }

        if (code == '.')
        {
            isFloat = true;
            code = CharAt(++position);
            position = ReadDigits(position, code);
            code = CharAt(position);
        }

        if (code is 'E' or 'e')
        {
            isFloat = true;
            code = CharAt(++position);
            if (code is '+' or '-') code = CharAt(++position);
            position = ReadDigits(position, code);
            code = CharAt(position);
        }

        if (code == '.' || IsNameStart(code))
            throw Error(position, $"Invalid number, expected digit but got: {PrintCodePointAt(position)}.");

        return CreateToken(isFloat ? TokenKind.Float : TokenKind.Int, start, position, _body[start..position]);
    }

    private int ReadDigits(int start, int firstCode)
    {
        if (!IsDigit(firstCode))
            throw Error(start, $"Invalid number, expected digit but got: {PrintCodePointAt(start)}.");
        var position = start + 1;
        while (IsDigit(CharAt(position))) position++;
        return position;
    }

    private Token ReadString(int start)
    {
        var body = _body;
        var position = start + 1;
        var chunkStart = position;
        StringBuilder? value = null;

        while (position < body.Length)
        {
            int code = body[position];
            if (code == '"')
            {
                var text = value is null
                    ? body[chunkStart..position]
                    : value.Append(body, chunkStart, position - chunkStart).ToString();
                return CreateToken(TokenKind.String, start, position + 1, text);
            }

            if (code == '\\')
            {
                value ??= new StringBuilder();
                value.Append(body, chunkStart, position - chunkStart);
                var size = CharAt(position + 1) == 'u'
                    ? CharAt(position + 2) == '{'
                        ? ReadEscapedUnicodeVariableWidth(position, value)
                        : ReadEscapedUnicodeFixedWidth(position, value)
                    : ReadEscapedCharacter(position, value);
                position += size;
                chunkStart = position;
                continue;
            }

            if (code is '\n' or '\r') break;

            if (IsUnicodeScalarValue(code)) position++;
            else if (IsSupplementaryCodePoint(position)) position += 2;
            else throw Error(position, $"Invalid character within String: {PrintCodePointAt(position)}.");
        }

        throw Error(position, "Unterminated string.");
    }

    private string Slice(int start, int end) => _body[start..Math.Min(end, _body.Length)];

    // \u{…}: one to eight hex digits naming a Unicode scalar value.
    private int ReadEscapedUnicodeVariableWidth(int position, StringBuilder value)
    {
        var point = 0;
        var size = 3;
        while (size < 12)
        {
            var code = CharAt(position + size++);
            if (code == '}')
            {
                if (size < 5 || !IsUnicodeScalarValue(point)) break;
                value.Append(char.ConvertFromUtf32(point));
                return size;
            }
            point = (point << 4) | ReadHexDigit(code);
            if (point < 0) break;
        }
        throw Error(position, $"Invalid Unicode escape sequence: \"{Slice(position, position + size)}\".");
    }

    // \uXXXX, where a leading surrogate is only accepted as the first half of an escaped surrogate pair.
    private int ReadEscapedUnicodeFixedWidth(int position, StringBuilder value)
    {
        var code = Read16BitHexCode(position + 2);
        if (IsUnicodeScalarValue(code))
        {
            value.Append((char)code);
            return 6;
        }

        if (IsLeadingSurrogate(code) && CharAt(position + 6) == '\\' && CharAt(position + 7) == 'u')
        {
            var trailingCode = Read16BitHexCode(position + 8);
            if (IsTrailingSurrogate(trailingCode))
            {
                value.Append((char)code).Append((char)trailingCode);
                return 12;
            }
        }

        throw Error(position, $"Invalid Unicode escape sequence: \"{Slice(position, position + 6)}\".");
    }

    private int Read16BitHexCode(int position) =>
        (ReadHexDigit(CharAt(position)) << 12)
        | (ReadHexDigit(CharAt(position + 1)) << 8)
        | (ReadHexDigit(CharAt(position + 2)) << 4)
        | ReadHexDigit(CharAt(position + 3));

    /// <summary>0–15, or -1 (which poisons any value it is OR-ed into) for a non-hex character.</summary>
    private static int ReadHexDigit(int code) => code switch
    {
        >= '0' and <= '9' => code - '0',
        >= 'A' and <= 'F' => code - 'A' + 10,
        >= 'a' and <= 'f' => code - 'a' + 10,
        _ => -1,
    };

    private int ReadEscapedCharacter(int position, StringBuilder value)
    {
        char? unescaped = CharAt(position + 1) switch
        {
            '"' => '"',
            '\\' => '\\',
            '/' => '/',
            'b' => '\b',
            'f' => '\f',
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            _ => null,
        };
        if (unescaped is null)
            throw Error(position, $"Invalid character escape sequence: \"{Slice(position, position + 2)}\".");
        value.Append(unescaped.Value);
        return 2;
    }

    private Token ReadBlockString(int start)
    {
        var body = _body;
        var lineStart = _lineStart;
        var position = start + 3;
        var chunkStart = position;
        var currentLine = new StringBuilder();
        var blockLines = new List<string>();

        while (position < body.Length)
        {
            int code = body[position];

            if (code == '"' && CharAt(position + 1) == '"' && CharAt(position + 2) == '"')
            {
                currentLine.Append(body, chunkStart, position - chunkStart);
                blockLines.Add(currentLine.ToString());
                var token = CreateToken(TokenKind.BlockString, start, position + 3,
                    string.Join('\n', BlockString.DedentLines(blockLines)));
                _line += blockLines.Count - 1;
                _lineStart = lineStart;
                return token;
            }

            if (code == '\\' && CharAt(position + 1) == '"' && CharAt(position + 2) == '"' && CharAt(position + 3) == '"')
            {
                currentLine.Append(body, chunkStart, position - chunkStart);
                chunkStart = position + 1;
                position += 4;
                continue;
            }

            if (code is '\n' or '\r')
            {
                currentLine.Append(body, chunkStart, position - chunkStart);
                blockLines.Add(currentLine.ToString());
                currentLine.Clear();
                position += code == '\r' && CharAt(position + 1) == '\n' ? 2 : 1;
                chunkStart = position;
                lineStart = position;
                continue;
            }

            if (IsUnicodeScalarValue(code)) position++;
            else if (IsSupplementaryCodePoint(position)) position += 2;
            else throw Error(position, $"Invalid character within String: {PrintCodePointAt(position)}.");
        }

        throw Error(position, "Unterminated string.");
    }

    private Token ReadName(int start)
    {
        var position = start + 1;
        while (position < _body.Length && IsNameContinue(_body[position])) position++;
        return CreateToken(TokenKind.Name, start, position, SharedName(_body.AsSpan(start, position - start)));
    }

    // Documents repeat a few names many times (every `id`, every spread of the same fragment), and requests repeat the
    // schema's names; a string per occurrence was a third of a large document's tree. A short name is looked up in a
    // small table shared by every parse and reused when it holds the same text. Threads may overwrite each other's
    // entries: a slot holds a whole string or another, and a string is only reused after its text is compared.
    private const int SharedNameSlots = 1024;
    private const int SharedNameMaxLength = 32;
    private static readonly string?[] SharedNames = new string?[SharedNameSlots];

    private static string SharedName(ReadOnlySpan<char> name)
    {
        if (name.Length > SharedNameMaxLength) return name.ToString();
        ref var slot = ref SharedNames[string.GetHashCode(name) & (SharedNameSlots - 1)];
        var shared = slot;
        if (shared is not null && name.SequenceEqual(shared)) return shared;
        shared = name.ToString();
        slot = shared;
        return shared;
    }
}
