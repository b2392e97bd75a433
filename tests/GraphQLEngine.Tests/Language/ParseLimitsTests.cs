using GraphQLEngine.Language;

namespace GraphQLEngine.Tests.Language;

/// <summary>Hostile documents fail with a syntax error, never with a stack overflow or a long stall.</summary>
public class ParseLimitsTests
{
    private static string Repeat(string text, int count) => string.Concat(Enumerable.Repeat(text, count));

    private static string NestedSelections(int depth) => Repeat("{a", depth) + Repeat("}", depth);

    [Fact]
    public void Accepts_nesting_up_to_the_limit()
    {
        Parser.Parse(NestedSelections(256));
        Parser.Parse("{ a(x: " + Repeat("[", 255) + Repeat("]", 255) + ") }");
    }

    [Fact]
    public void Refuses_nesting_one_level_beyond_the_limit_where_it_starts()
    {
        var error = Assert.Throws<GraphQLSyntaxError>(() => Parser.Parse(NestedSelections(257)));
        Assert.Equal("Syntax Error: Document nesting is deeper than 256 levels. Parsing aborted.", error.Message);
        Assert.Equal(256 * 2, error.Position);
    }

    [Theory]
    [InlineData("{a")]
    [InlineData("{ f(x: [")]
    [InlineData("{ f(x: {a: ")]
    [InlineData("query ($v: [")]
    [InlineData("{{")]
    [InlineData("[[")]
    public void Fails_fast_on_a_hundred_thousand_levels(string opener)
    {
        var source = Repeat(opener, 100_000);
        Assert.Throws<GraphQLSyntaxError>(() => Parser.Parse(source));
    }

    // Ten levels allowed: the error points at the opener of the eleventh, counting the selection set if any.
    [Theory]
    [InlineData("{ f(x: ", "[", 1)]
    [InlineData("{ f(x: ", "{a: ", 1)]
    [InlineData("query ($v: ", "[", 0)]
    public void Points_at_the_first_construct_too_deep(string prefix, string opener, int levelsInPrefix)
    {
        var source = prefix + Repeat(opener, 300);
        var error = Assert.Throws<GraphQLSyntaxError>(() => Parser.Parse(source, new ParseOptions { MaxDepth = 10 }));
        Assert.Equal(prefix.Length + (10 - levelsInPrefix) * opener.Length, error.Position);
    }

    [Fact]
    public void Limits_values_and_types_parsed_alone()
    {
        Assert.Throws<GraphQLSyntaxError>(() => Parser.ParseValue(Repeat("[", 100_000)));
        Assert.Throws<GraphQLSyntaxError>(() => Parser.ParseValue(Repeat("{a:", 100_000)));
        Assert.Throws<GraphQLSyntaxError>(() => Parser.ParseType(Repeat("[", 100_000)));
    }

    [Fact]
    public void Honours_a_custom_depth_and_no_limit()
    {
        var error = Assert.Throws<GraphQLSyntaxError>(() => Parser.Parse(NestedSelections(4), new ParseOptions { MaxDepth = 3 }));
        Assert.Equal("Syntax Error: Document nesting is deeper than 3 levels. Parsing aborted.", error.Message);
        Parser.Parse(NestedSelections(1000), new ParseOptions { MaxDepth = 0 });
    }

    [Fact]
    public void Refuses_more_tokens_than_allowed_with_graphql_js_message()
    {
        var fields = "{ " + Repeat("a ", 14_998) + "}";
        Parser.Parse(fields);

        var error = Assert.Throws<GraphQLSyntaxError>(() => Parser.Parse("{ " + Repeat("a ", 14_999) + "}"));
        Assert.Equal("Syntax Error: Document contains more that 15000 tokens. Parsing aborted.", error.Message);

        var small = Assert.Throws<GraphQLSyntaxError>(() => Parser.Parse("{ a b c }", new ParseOptions { MaxTokens = 3 }));
        Assert.Equal("Syntax Error: Document contains more that 3 tokens. Parsing aborted.", small.Message);
        Assert.Equal(6, small.Position);
    }

    [Fact]
    public void Does_not_count_comments_or_ignored_characters_as_tokens()
    {
        var source = "{ a }" + Repeat(", # comment\n", 20_000);
        Parser.Parse(source, new ParseOptions { MaxTokens = 3 });
    }

    [Fact]
    public void Parsing_work_grows_linearly_with_the_document()
    {
        // Allocation is counted rather than time: it is deterministic, whatever else the machine
        // is doing. Sixteen times the input must allocate about sixteen times as much; copying or
        // re-scanning the remaining text per token would grow with the square. Parse speed itself
        // is measured in bench/GraphQLEngine.Benchmarks.
        var unlimited = new ParseOptions { MaxTokens = 0 };
        string Document(int fields) => "{ " + Repeat("field(arg: \"value\") @dir ", fields) + "}";
        var smallDocument = Document(1_000);
        var largeDocument = Document(16_000);
        Parser.Parse(largeDocument, unlimited);

        var small = AllocatedBytes(() => Parser.Parse(smallDocument, unlimited));
        var large = AllocatedBytes(() => Parser.Parse(largeDocument, unlimited));

        Assert.InRange(large / (double)small, 12, 20);
    }

    private static long AllocatedBytes(Action action)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
