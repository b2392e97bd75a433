using GraphQLEngine.Language;

namespace GraphQLEngine.Tests.Language;

public sealed class DocumentCacheTests
{
    [Fact]
    public void Answers_a_repeated_source_with_the_document_parsed_the_first_time()
    {
        var cache = new DocumentCache();

        var first = cache.Parse("{ hello }");
        var second = cache.Parse("{ hello }");

        Assert.Same(first, second);
        Assert.Equal(1, cache.Count);
        Assert.Equal(Printer.Print(Parser.Parse("{ hello }")), Printer.Print(first));
    }

    [Fact]
    public void Keys_on_the_exact_text_because_locations_depend_on_it()
    {
        var cache = new DocumentCache();

        var compact = cache.Parse("{ hello }");
        var spaced = cache.Parse("{\n  hello\n}");

        Assert.NotSame(compact, spaced);
        Assert.Equal(2, cache.Count);
        Assert.Equal(2, ((OperationDefinitionNode)spaced.Definitions[0]).SelectionSet.Selections[0].Loc!.Line);
    }

    [Fact]
    public void Keys_on_the_parse_limits()
    {
        var cache = new DocumentCache();
        const string source = "{ a b c }";

        cache.Parse(source);

        // Four tokens allowed: the cached document, parsed without that limit, must not be handed out.
        Assert.Throws<GraphQLSyntaxError>(() => cache.Parse(source, new ParseOptions { MaxTokens = 4 }));
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void Does_not_keep_syntax_errors()
    {
        var cache = new DocumentCache();

        Assert.Throws<GraphQLSyntaxError>(() => cache.Parse("{ hello"));
        Assert.Throws<GraphQLSyntaxError>(() => cache.Parse("{ hello"));

        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void Does_not_keep_sources_longer_than_the_limit()
    {
        var cache = new DocumentCache(capacity: 4, maxSourceLength: 10);

        var first = cache.Parse("{ helloWorld }");
        var second = cache.Parse("{ helloWorld }");

        Assert.NotSame(first, second);
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void Drops_the_least_recently_used_document_when_full()
    {
        var cache = new DocumentCache(capacity: 2);
        var a = cache.Parse("{ a }");
        var b = cache.Parse("{ b }");
        cache.Parse("{ a }");

        cache.Parse("{ c }");

        Assert.Equal(2, cache.Count);
        Assert.Same(a, cache.Parse("{ a }"));
        Assert.NotSame(b, cache.Parse("{ b }"));
    }

    [Fact]
    public void Keeps_nothing_with_a_capacity_of_zero()
    {
        var cache = new DocumentCache(capacity: 0);

        Assert.NotSame(cache.Parse("{ a }"), cache.Parse("{ a }"));
        Assert.Equal(0, cache.Count);
    }
}
