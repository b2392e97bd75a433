using GraphQLEngine.Language;

namespace GraphQLEngine.Tests.Language;

public sealed class DocumentCacheTests
{
    [Fact]
    public void Keeps_a_document_from_the_second_time_its_source_is_parsed()
    {
        var cache = new DocumentCache();

        var first = cache.Parse("{ hello }");
        Assert.Equal(0, cache.Count);
        var second = cache.Parse("{ hello }");
        var third = cache.Parse("{ hello }");

        Assert.NotSame(first, second);
        Assert.Same(second, third);
        Assert.Equal(1, cache.Count);
        Assert.Equal(Printer.Print(Parser.Parse("{ hello }")), Printer.Print(third));
    }

    [Fact]
    public void Documents_sent_once_each_are_never_kept()
    {
        var cache = new DocumentCache(capacity: 8);

        for (var i = 0; i < 100; i++) cache.Parse($"{{ a{i}: hello }}");

        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void Keys_on_the_exact_text_because_locations_depend_on_it()
    {
        var cache = new DocumentCache();

        var compact = ParseTwice(cache, "{ hello }");
        var spaced = ParseTwice(cache, "{\n  hello\n}");

        Assert.NotSame(compact, spaced);
        Assert.Equal(2, cache.Count);
        Assert.Equal(2, ((OperationDefinitionNode)spaced.Definitions[0]).SelectionSet.Selections[0].Loc?.Line);
    }

    [Fact]
    public void Keys_on_the_parse_limits()
    {
        var cache = new DocumentCache();
        const string source = "{ a b c }";

        ParseTwice(cache, source);

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
        var a = ParseTwice(cache, "{ a }");
        var b = ParseTwice(cache, "{ b }");
        cache.Parse("{ a }");

        ParseTwice(cache, "{ c }");

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

    /// <summary>Parses <paramref name="source"/> twice, so that it is kept; returns the kept document.</summary>
    private static DocumentNode ParseTwice(DocumentCache cache, string source)
    {
        cache.Parse(source);
        return cache.Parse(source);
    }
}
