using System.Text.Json;
using GraphQLEngine.Execution;
using GraphQLEngine.Language;
using GraphQLEngine.TestServer;
using GraphQLEngine.Type;

namespace GraphQLEngine.Tests.Execution;

/// <summary>
/// <see cref="OperationSelection"/>: what an operation selects, resolved as execution resolves it, for executors that
/// answer a whole operation at once.
/// </summary>
public class ResolvedSelectionTests
{
    private static readonly GraphQLSchema Schema = SampleSchema.Create();

    [Fact]
    public void Root_fields_come_in_response_order_with_aliases_fragments_and_merged_keys()
    {
        var selection = Select("""
            query { b: books(first: 2) { title } hello ...Root books: authors { name } b: books(first: 2) { id } }
            fragment Root on Query { __typename hello }
            """)!;

        Assert.Equal(["b", "hello", "__typename", "books"], selection.Fields.Select(f => f.ResponseKey));
        Assert.Equal(["books", "hello", "__typename", "authors"], selection.Fields.Select(f => f.Name));
        var book = (GraphQLObjectType)Schema.GetType("Book")!;
        // The two "b" fields merge: their sub-selections are one.
        Assert.Equal(["title", "id"], selection.Fields[0].SubfieldsFor(book).Select(f => f.ResponseKey));
        Assert.Equal(2, selection.Fields[0].Nodes.Count);
    }

    [Fact]
    public void Arguments_are_coerced_from_literals_and_variables_with_defaults_applied()
    {
        var selection = Select("query ($n: Int) { books(first: $n) { id } hello }", """{"n": 3}""")!;

        Assert.Equal(3, selection.Fields[0].Argument("first"));
        Assert.False(selection.Fields[0].HasArgument("last"));
        Assert.Equal("world", selection.Fields[1].Argument("name"));
        Assert.Equal(3, selection.Variables["n"]);
    }

    [Fact]
    public void Skip_and_include_are_applied_with_the_variables()
    {
        var selection = Select(
            "query ($yes: Boolean!) { hello @include(if: $yes) books @skip(if: $yes) { id } book(id: \"b1\") { title @skip(if: false) author @include(if: false) { id } } }",
            """{"yes": true}""")!;

        Assert.Equal(["hello", "book"], selection.Fields.Select(f => f.ResponseKey));
        Assert.Equal(["title"], selection.Fields[1].SubfieldsFor((GraphQLObjectType)Schema.GetType("Book")!).Select(f => f.ResponseKey));
    }

    [Fact]
    public void An_argument_that_execution_would_refuse_is_reported_on_its_field()
    {
        var selection = Select("query ($id: ID) { book(id: $id) { id } }", "{}")!;

        Assert.NotNull(selection.Fields[0].ArgumentsError);
    }

    [Theory]
    [InlineData("mutation { __typename }", null)]
    [InlineData("query A { hello } query B { hello }", null)]
    [InlineData("query ($n: Int!) { books(first: $n) { id } }", "{}")]
    [InlineData("query ($n: Int) { books(first: $n) { id } }", """{"n": "three"}""")]
    [InlineData("query ($skip: Boolean) { hello @skip(if: $skip) }", "{}")]
    public void There_is_no_selection_where_execution_answers_with_a_request_error(string query, string? variables) =>
        Assert.Null(Select(query, variables));

    private static OperationSelection? Select(string query, string? variables = null) =>
        OperationSelection.TryCreate(new ExecutionRequest
        {
            Schema = Schema,
            Document = Parser.Parse(query),
            VariableValues = variables is null ? null : JsonDocument.Parse(variables).RootElement,
        });
}
