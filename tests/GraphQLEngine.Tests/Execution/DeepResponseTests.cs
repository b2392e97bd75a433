using System.Text;
using System.Text.Json;
using GraphQLEngine.Execution;
using GraphQLEngine.Language;
using GraphQLEngine.Tests.Fuzz;

namespace GraphQLEngine.Tests.Execution;

/// <summary>
/// Fragments nest selections without nesting the document, so a document the parser accepts can ask for a response
/// far deeper than itself, or make the executor follow a chain of thousands of fragments at one level. Both must
/// come out as answers, whatever stack the thread has.
/// </summary>
public sealed class DeepResponseTests
{
    private static readonly ParseOptions NoTokenLimit = new() { MaxTokens = 0 };

    private static string Numbered(int count, Func<int, string> item)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < count; i++) builder.Append(item(i));
        return builder.ToString();
    }

    [Fact]
    public async Task Executes_and_writes_a_chain_of_fragments_nested_through_fields_deeper_than_a_thousand_levels()
    {
        // Within the parser's default limits: 1,300 levels of `sequel`, each added by a fragment.
        const int count = 1300;
        var document = Parser.Parse("{ book(id: \"b1\") { ...F0 } }"
            + Numbered(count, i => $" fragment F{i} on Book {{ sequel {{ ...F{i + 1} }} }}") + $" fragment F{count} on Book {{ id }}");

        var result = await Executor.ExecuteAsync(new ExecutionRequest { Schema = FuzzSchema.Schema, Document = document });
        var json = ExecutionResultWriter.ToUtf8Bytes(result);

        Assert.Empty(result.Errors);
        var element = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = count + 10 }).RootElement.GetProperty("data").GetProperty("book");
        for (var i = 0; i < count; i++) element = element.GetProperty("sequel");
        // The sequel of b1 is b2, and so on round the four books.
        Assert.Equal(FuzzSchema.Books[count % FuzzSchema.Books.Length].Id, element.GetProperty("id").GetString());
    }

    [Fact]
    public void Executes_a_chain_of_twenty_thousand_fragments_at_one_level_on_a_small_stack()
    {
        const int count = 20_000;
        var document = Parser.Parse("{ books(first: 2) { ...F0 } }"
            + Numbered(count, i => $" fragment F{i} on Book {{ ...F{i + 1} }}") + $" fragment F{count} on Book {{ id }}", NoTokenLimit);

        var result = SmallStack.Run(() =>
            Executor.ExecuteAsync(new ExecutionRequest { Schema = FuzzSchema.Schema, Document = document }).GetAwaiter().GetResult());

        Assert.Equal("""{"data":{"books":[{"id":"b1"},{"id":"b2"}]}}""", ExecutionResultWriter.ToJson(result));
    }
}
