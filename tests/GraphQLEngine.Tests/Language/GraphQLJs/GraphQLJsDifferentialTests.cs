using System.Text.Json.Nodes;
using GraphQLEngine.Language;

namespace GraphQLEngine.Tests.Language.GraphQLJs;

/// <summary>
/// The engine against graphql-js 16 on the inputs of generate-cases.mjs: same tokens, same trees (with
/// locations), same printed text, same error messages and positions.
/// </summary>
public class GraphQLJsDifferentialTests
{
    private static readonly JsonNode Cases = JsonNode.Parse(GraphQLJsCases.Json)!;

    public static TheoryData<int, string> LexerCases() => Indexed("lexer");
    public static TheoryData<int, string> DocumentCases() => Indexed("documents");
    public static TheoryData<int, string> ValueCases() => Indexed("values");
    public static TheoryData<int, string> TypeCases() => Indexed("types");

    [Theory]
    [MemberData(nameof(LexerCases))]
    public void Lexer_matches_graphql_js(int index, string input)
    {
        var expected = Cases["lexer"]![index]!;
        var actual = Outcome(() =>
        {
            var lexer = new Lexer(input);
            var tokens = new JsonArray();
            Token token;
            do
            {
                token = lexer.Advance();
                var json = new JsonObject
                {
                    ["kind"] = token.Kind.Text(),
                    ["start"] = token.Start,
                    ["end"] = token.End,
                    ["line"] = token.Line,
                    ["column"] = token.Column,
                };
                if (token.Value is not null) json["value"] = token.Value;
                tokens.Add(json);
            } while (token.Kind != TokenKind.Eof);
            return tokens;
        });
        AssertSame(expected, actual, input);
    }

    [Theory]
    [MemberData(nameof(DocumentCases))]
    public void Parser_and_printer_match_graphql_js(int index, string input)
    {
        var expected = Cases["documents"]![index]!;
        var actual = Outcome(() => AstAndPrinted(Parser.Parse(input)));
        AssertSame(expected, actual, input);
    }

    [Theory]
    [MemberData(nameof(ValueCases))]
    public void ParseValue_matches_graphql_js(int index, string input)
    {
        var expected = Cases["values"]![index]!;
        AssertSame(expected, Outcome(() => AstAndPrinted(Parser.ParseValue(input))), input);
    }

    [Theory]
    [MemberData(nameof(TypeCases))]
    public void ParseType_matches_graphql_js(int index, string input)
    {
        var expected = Cases["types"]![index]!;
        AssertSame(expected, Outcome(() => AstAndPrinted(Parser.ParseType(input))), input);
    }

    [Theory]
    [MemberData(nameof(DocumentCases))]
    public void Printed_documents_parse_back_to_the_same_tree(int index, string input)
    {
        if (Cases["documents"]![index]!["ok"] is null) return;
        var noLocation = new ParseOptions { NoLocation = true };
        var document = Parser.Parse(input, noLocation);
        var reparsed = Parser.Parse(Printer.Print(document), noLocation);
        Assert.Equal(GraphQLJsAst.ToJson(document).ToJsonString(), GraphQLJsAst.ToJson(reparsed).ToJsonString());
    }

    private static JsonObject AstAndPrinted(Node node) =>
        new() { ["ast"] = GraphQLJsAst.ToJson(node), ["printed"] = Printer.Print(node) };

    private static JsonObject Outcome(Func<JsonNode> run)
    {
        try
        {
            return new JsonObject { ["ok"] = run() };
        }
        catch (GraphQLSyntaxError error)
        {
            return new JsonObject
            {
                ["error"] = new JsonObject
                {
                    ["message"] = error.Message,
                    ["position"] = error.Position,
                    ["line"] = error.Line,
                    ["column"] = error.Column,
                },
            };
        }
    }

    private static void AssertSame(JsonNode expected, JsonObject actual, string input)
    {
        var expectedOutcome = new JsonObject();
        foreach (var key in new[] { "ok", "error" })
            if (expected[key] is { } value) expectedOutcome[key] = value.DeepClone();
        if (!JsonNode.DeepEquals(expectedOutcome, actual))
            Assert.Fail($"Input: {input}\nExpected: {expectedOutcome.ToJsonString()}\nActual:   {actual.ToJsonString()}");
    }

    private static TheoryData<int, string> Indexed(string section)
    {
        var data = new TheoryData<int, string>();
        var items = Cases[section]!.AsArray();
        for (var i = 0; i < items.Count; i++) data.Add(i, items[i]!["input"]!.GetValue<string>());
        return data;
    }
}
