using GraphQLEngine.Execution;
using GraphQLEngine.Language;
using GraphQLEngine.Limits;
using GraphQLEngine.Type;
using static GraphQLEngine.Tests.Execution.ExecutionTestKit;

namespace GraphQLEngine.Tests.Execution;

/// <summary>
/// An operation prepared once (selected, variables coerced) is what the executor, the whole-operation selection and
/// the cost analysis read, instead of selecting and coercing again each.
/// </summary>
public class PreparedOperationTests
{
    private static readonly GraphQLSchema Schema = new(new GraphQLObjectType("Query",
    [
        new FieldDefinition("echo", Scalars.String)
        {
            Args = [new ArgumentDefinition("text", Scalars.String)],
            Resolver = Sync(c => c.Arguments["text"]),
        },
    ]));

    private const string Document = "query Echo($text: String!) { echo(text: $text) }";

    [Fact]
    public void Selects_the_operation_and_coerces_its_variables()
    {
        var (prepared, error) = PreparedOperation.Prepare(Schema, Parser.Parse(Document), null, Map(("text", "hi")), 50);

        Assert.Null(error);
        Assert.Equal("Echo", prepared!.Operation.Name!.Value);
        Assert.Equal("hi", prepared.Variables!["text"]);
        Assert.Null(prepared.VariableErrors);
    }

    [Fact]
    public void Keeps_the_variable_errors_execution_answers_with()
    {
        var (prepared, error) = PreparedOperation.Prepare(Schema, Parser.Parse(Document), null, null, 50);

        Assert.Null(error);
        Assert.Null(prepared!.Variables);
        Assert.Equal("Variable \"$text\" of required type \"String!\" was not provided.", Assert.Single(prepared.VariableErrors!).Message);
    }

    [Fact]
    public void Gives_the_operation_error_when_none_can_be_selected()
    {
        var (prepared, error) = PreparedOperation.Prepare(Schema, Parser.Parse(Document), "Other", null, 50);

        Assert.Null(prepared);
        Assert.Equal("Unknown operation named \"Other\".", error!.Message);
    }

    [Fact]
    public async Task The_executor_runs_the_prepared_operation_without_coercing_again()
    {
        var document = Parser.Parse(Document);
        var (prepared, _) = PreparedOperation.Prepare(Schema, document, null, Map(("text", "prepared")), 50);

        // The raw variables would not coerce: only a second coercion could notice.
        var result = await Executor.ExecuteAsync(new ExecutionRequest
        {
            Schema = Schema,
            Document = document,
            VariableValues = Map(("text", 42)),
            Prepared = prepared,
        });

        Assert.Equal("""{"data":{"echo":"prepared"}}""", ExecutionResultWriter.ToJson(result));
    }

    [Fact]
    public void The_whole_operation_selection_reads_the_prepared_variables()
    {
        var document = Parser.Parse(Document);
        var (prepared, _) = PreparedOperation.Prepare(Schema, document, null, Map(("text", "prepared")), 50);

        var selection = OperationSelection.TryCreate(new ExecutionRequest { Schema = Schema, Document = document, Prepared = prepared });

        Assert.Equal("prepared", selection!.Variables["text"]);
    }

    [Fact]
    public void The_analysis_of_a_prepared_operation_equals_the_analysis_by_name()
    {
        var document = Parser.Parse("query A { echo(text: \"a\") } query B { a: echo(text: \"a\") b: echo(text: \"b\") }");
        var (prepared, _) = PreparedOperation.Prepare(Schema, document, "B", null, 50);

        var byName = QueryAnalyzer.Analyze(Schema, document, "B");
        var byPrepared = QueryAnalyzer.AnalyzePrepared(Schema, document, prepared!);

        Assert.Equal(2, byPrepared.AliasCount);
        Assert.Equal((byName.RequestedQueryCost, byName.Depth, byName.AliasCount), (byPrepared.RequestedQueryCost, byPrepared.Depth, byPrepared.AliasCount));
    }
}
