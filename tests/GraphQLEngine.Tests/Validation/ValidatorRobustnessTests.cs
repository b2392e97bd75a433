using System.Text;
using GraphQLEngine.Language;
using GraphQLEngine.Tests.Fuzz;
using GraphQLEngine.Tests.Validation.GraphQLJs;
using GraphQLEngine.Tests.Validation.Harness;
using GraphQLEngine.Validation;
using GraphQLEngine.Validation.Rules;

namespace GraphQLEngine.Tests.Validation;

/// <summary>Whatever the parser accepts, validation answers with a list of errors: it never throws and never hangs.</summary>
public sealed class ValidatorRobustnessTests
{
    private static readonly IReadOnlyList<ValidationRule> EveryRule =
        [.. SpecifiedRules.All, NoDeprecatedCustomRule.Create, NoSchemaIntrospectionCustomRule.Create];

    private const string SubscriptionSchemaSdl = """
        type Query { dummy: String }
        type Subscription { events(after: Int!): String, other: String }
        """;

    [Fact]
    public void Never_throws_on_mangled_versions_of_graphql_js_test_documents()
    {
        var schemas = new[] { ValidationHarness.TestSchema, SdlSchemaBuilder.Build(SubscriptionSchemaSdl) };
        var random = new Random(20240521);
        var checkedDocuments = 0;
        foreach (var testCase in GraphQLJsValidationCases.All)
        {
            foreach (var source in Mangle(testCase.Query, random).Prepend(testCase.Query))
            {
                DocumentNode document;
                try
                {
                    document = Parser.Parse(source);
                }
                catch (GraphQLSyntaxError)
                {
                    continue;
                }
                foreach (var schema in schemas)
                {
                    var exception = Record.Exception(() => DocumentValidator.Validate(schema, document, EveryRule));
                    Assert.True(exception is null, $"Validation threw {exception} for:\n{source}");
                }
                checkedDocuments++;
            }
        }
        Assert.True(checkedDocuments > 2000, $"only {checkedDocuments} documents parsed");
    }

    [Fact]
    public void Handles_a_long_chain_of_fragments()
    {
        var source = new StringBuilder("{ dog { ...F0 } }\n");
        const int count = 1500;
        for (var i = 0; i < count; i++)
            source.Append($"fragment F{i} on Dog {{ {(i + 1 < count ? $"...F{i + 1}" : "...F0")} }}\n");
        // Within the parser's default token limit.
        var document = Parser.Parse(source.ToString());
        var errors = DocumentValidator.Validate(ValidationHarness.TestSchema, document, EveryRule);
        Assert.Contains(errors, e => e.Message.StartsWith("Cannot spread fragment \"F0\" within itself via \"F1\", \"F2\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Validates_a_chain_of_twenty_thousand_fragments_on_a_small_stack()
    {
        // Without a token limit a chain of fragments can be longer than any stack could follow recursively.
        const int count = 20_000;
        var source = new StringBuilder("{ dog { ...F0 } }\n");
        for (var i = 0; i < count; i++) source.Append($"fragment F{i} on Dog {{ ...F{i + 1} }}\n");
        source.Append($"fragment F{count} on Dog {{ name }}\n");
        var document = Parser.Parse(source.ToString(), new ParseOptions { MaxTokens = 0 });

        var errors = SmallStack.Run(() => DocumentValidator.Validate(ValidationHarness.TestSchema, document, EveryRule));

        Assert.Empty(errors);
    }

    [Fact]
    public void Judges_introspection_fragments_chained_deeper_than_the_stack_allows_too_deep()
    {
        const int count = 20_000;
        var source = new StringBuilder("{ __schema { types { ...F0 } } }\n");
        for (var i = 0; i < count; i++) source.Append($"fragment F{i} on __Type {{ ...F{i + 1} }}\n");
        source.Append($"fragment F{count} on __Type {{ name }}\n");
        var document = Parser.Parse(source.ToString(), new ParseOptions { MaxTokens = 0 });

        var errors = SmallStack.Run(() => DocumentValidator.Validate(ValidationHarness.TestSchema, document, [MaxIntrospectionDepthRule.Create]));

        Assert.Equal("Maximum introspection depth exceeded", Assert.Single(errors).Message);
    }

    [Fact]
    public void Gives_up_on_introspection_fragments_that_spread_each_other_exponentially()
    {
        // Every fragment spreads the next twice: following all paths would take 2^40 steps.
        var source = new StringBuilder("{ __schema { types { ...F0 } } }\n");
        const int count = 40;
        for (var i = 0; i < count; i++)
            source.Append(i + 1 < count
                ? $"fragment F{i} on __Type {{ ...F{i + 1} a{i}: name ...F{i + 1} }}\n"
                : $"fragment F{i} on __Type {{ name }}\n");
        var document = Parser.Parse(source.ToString());
        // The same safety net as the fuzz tests: this thread's processor time, which other work on a loaded machine
        // does not inflate, under the per-document bound. Without the visit limit this would not finish at all.
        var stopwatch = new ThreadCpuStopwatch();
        var errors = DocumentValidator.Validate(ValidationHarness.TestSchema, document, [MaxIntrospectionDepthRule.Create]);
        var elapsed = stopwatch.Elapsed;
        Assert.True(elapsed < FuzzPipeline.MaxDocumentTime,
            $"took {elapsed.TotalMilliseconds:F0} ms of {(stopwatch.MeasuresCpu ? "processor" : "wall")} time");
        Assert.Equal("Maximum introspection depth exceeded", Assert.Single(errors).Message);
    }

    [Fact]
    public void The_introspection_search_budget_is_the_documents_not_each_fields()
    {
        // Each __schema alone is within the budget (2^13 paths); 750 of them, each searched afresh, took seconds.
        var source = new StringBuilder("{" + string.Concat(Enumerable.Range(0, 750).Select(i => $" s{i}: __schema {{ types {{ ...F0 }} }}")) + " }\n");
        const int count = 13;
        for (var i = 0; i < count; i++)
            source.Append(i + 1 < count
                ? $"fragment F{i} on __Type {{ ...F{i + 1} a{i}: name ...F{i + 1} }}\n"
                : $"fragment F{i} on __Type {{ name }}\n");
        var one = Parser.Parse("{ __schema { types { ...F0 } } }\n" + source.ToString()[(source.ToString().IndexOf('\n') + 1)..]);
        var many = Parser.Parse(source.ToString(), new ParseOptions { MaxTokens = 0 });

        Assert.Empty(DocumentValidator.Validate(ValidationHarness.TestSchema, one, [MaxIntrospectionDepthRule.Create]));
        var errors = DocumentValidator.Validate(ValidationHarness.TestSchema, many, [MaxIntrospectionDepthRule.Create]);
        Assert.Contains(errors, e => e.Message == "Maximum introspection depth exceeded");
        Assert.All(errors.Where(e => !e.Message.StartsWith("Too many validation errors", StringComparison.Ordinal)),
            e => Assert.Equal("Maximum introspection depth exceeded", e.Message));
    }

    [Fact]
    public void Subscription_directives_with_variables_do_not_throw()
    {
        var schema = SdlSchemaBuilder.Build(SubscriptionSchemaSdl);
        const string source = """
            subscription S($skip: Boolean!) {
              events(after: 1) @skip(if: $skip)
              other @include(if: "yes")
              dummy: other @skip
            }
            """;
        var errors = DocumentValidator.Validate(schema, Parser.Parse(source), [SingleFieldSubscriptionsRule.Create]);
        Assert.Equal("Subscription \"S\" must select only one top level field.", Assert.Single(errors).Message);
    }

    /// <summary>Deletions, duplications and swaps of random stretches of the text.</summary>
    private static IEnumerable<string> Mangle(string source, Random random)
    {
        if (source.Length < 2) yield break;
        for (var i = 0; i < 12; i++)
        {
            var start = random.Next(source.Length);
            var length = Math.Min(random.Next(1, 12), source.Length - start);
            switch (i % 3)
            {
                case 0:
                    yield return source.Remove(start, length);
                    break;
                case 1:
                    yield return source.Insert(random.Next(source.Length), source.Substring(start, length));
                    break;
                default:
                    var other = random.Next(source.Length - length + 1);
                    var piece = source.Substring(start, length);
                    var removed = source.Remove(start, length);
                    yield return removed.Insert(Math.Min(other, removed.Length), piece);
                    break;
            }
        }
    }
}
