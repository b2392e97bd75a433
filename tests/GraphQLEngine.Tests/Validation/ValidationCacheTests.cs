using GraphQLEngine.Language;
using GraphQLEngine.Tests.Validation.Harness;
using GraphQLEngine.Validation;

namespace GraphQLEngine.Tests.Validation;

public sealed class ValidationCacheTests
{
    private static IReadOnlyList<GraphQLEngine.Error.GraphQLError> Validate(ValidationCache cache, string source, GraphQLEngine.Type.GraphQLSchema? schema = null) =>
        cache.Validate(schema ?? ValidationHarness.TestSchema, source, Parser.Parse(source));

    [Fact]
    public void Answers_a_repeated_document_from_the_cache()
    {
        var cache = new ValidationCache();
        var first = Validate(cache, "{ unknown }");
        var second = Validate(cache, "{ unknown }");
        Assert.Same(first, second);
        Assert.Single(first);
        // Shared between callers, so it must not be changeable through a cast.
        Assert.True(((ICollection<GraphQLEngine.Error.GraphQLError>)first).IsReadOnly);
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void A_kept_result_holds_the_locations_of_its_errors_but_not_the_document()
    {
        var cache = new ValidationCache();
        const string source = "{\n  dog { unknown }\n}";

        var (errors, document) = ValidateAndForget(cache, source);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        var error = Assert.Single(errors);
        Assert.Equal(new GraphQLEngine.Error.ErrorLocation(2, 9), Assert.Single(error.Locations));
        Assert.Empty(error.Nodes);
        Assert.False(document.IsAlive, "the cached errors keep the parsed document alive");
    }

    // A method of its own, so that no local of the caller's frame keeps the document alive.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static (IReadOnlyList<GraphQLEngine.Error.GraphQLError>, WeakReference) ValidateAndForget(ValidationCache cache, string source)
    {
        var document = Parser.Parse(source);
        return (cache.Validate(ValidationHarness.TestSchema, source, document), new WeakReference(document));
    }

    [Fact]
    public void Keys_on_the_exact_source_text_because_locations_depend_on_it()
    {
        var cache = new ValidationCache();
        var compact = Validate(cache, "{ unknown }");
        var spaced = Validate(cache, "{\n  unknown\n}");
        Assert.Equal(2, cache.Count);
        Assert.Equal(new GraphQLEngine.Error.ErrorLocation(1, 3), compact[0].Locations[0]);
        Assert.Equal(new GraphQLEngine.Error.ErrorLocation(2, 3), spaced[0].Locations[0]);
    }

    [Fact]
    public void Keys_on_the_schema_the_rules_and_the_limit()
    {
        var cache = new ValidationCache();
        const string source = "{ a b c }";
        var other = SdlSchemaBuilder.Build("type Query { a: String }");
        Assert.Equal(3, Validate(cache, source).Count);
        Assert.Equal(2, Validate(cache, source, other).Count);
        Assert.Equal(2, cache.Validate(ValidationHarness.TestSchema, source, Parser.Parse(source), maxErrors: 1).Count);
        Assert.Empty(cache.Validate(ValidationHarness.TestSchema, source, Parser.Parse(source), rules: []));
        Assert.Equal(4, cache.Count);
    }

    [Fact]
    public void Drops_the_least_recently_used_result_when_full()
    {
        var cache = new ValidationCache(capacity: 2);
        var a = Validate(cache, "{ a }");
        var b = Validate(cache, "{ b }");
        Assert.Same(a, Validate(cache, "{ a }"));
        Validate(cache, "{ c }");
        Assert.Equal(2, cache.Count);
        Assert.Same(a, Validate(cache, "{ a }"));
        Assert.NotSame(b, Validate(cache, "{ b }"));
    }

    [Fact]
    public void Clear_forgets_everything()
    {
        var cache = new ValidationCache();
        var first = Validate(cache, "{ a }");
        cache.Clear();
        Assert.Equal(0, cache.Count);
        Assert.NotSame(first, Validate(cache, "{ a }"));
    }

    [Fact]
    public void Hashes_are_sha256_hex()
    {
        Assert.Equal("E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855", ValidationCache.HashSource(""));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2_000)]
    public void A_hit_allocates_nothing(int fields)
    {
        // A hit is the common case of a server's requests; hashing the text must not leave garbage behind, whether
        // the text fits a stack buffer or needs a pooled one.
        var source = "{ dog {" + string.Concat(Enumerable.Repeat(" name", fields)) + " } }";
        var document = Parser.Parse(source);
        var cache = new ValidationCache();
        cache.Validate(ValidationHarness.TestSchema, source, document);
        cache.Validate(ValidationHarness.TestSchema, source, document);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var errors = cache.Validate(ValidationHarness.TestSchema, source, document);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Empty(errors);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Texts_differing_in_one_character_are_different_entries()
    {
        var cache = new ValidationCache();
        var long1 = "{ dog {" + string.Concat(Enumerable.Repeat(" name", 500)) + " } }";
        var long2 = long1.Replace("{ dog", "{  dog");

        Assert.Empty(Validate(cache, long1));
        Assert.Empty(Validate(cache, long2));
        Assert.Single(Validate(cache, "{ dog { unknownField } }"));
        Assert.Single(Validate(cache, "{ dog { unknownField  } }"));
        Assert.Equal(4, cache.Count);
    }
}
