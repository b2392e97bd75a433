using GraphQLEngine.Execution;
using GraphQLEngine.Type;
using static GraphQLEngine.Tests.Execution.ExecutionTestKit;

namespace GraphQLEngine.Tests.Execution;

/// <summary>graphql-js executor-test: choosing the operation, root values, and operation kinds.</summary>
public class OperationSelectionTests
{
    private static readonly GraphQLSchema Schema = new(new GraphQLObjectType("Type",
    [
        new FieldDefinition("a", Scalars.String) { Resolver = Sync(c => (c.Source as IDictionary<string, object?>)?["a"]) },
        new FieldDefinition("b", Scalars.String) { Resolver = Value("b") },
    ]));

    private static readonly Dictionary<string, object?> Root = Map(("a", "A"));

    [Fact]
    public async Task Uses_the_only_operation_when_no_name_is_given() =>
        Assert.Equal("""{"data":{"a":"A"}}""", await ExecuteJson(Schema, "query Example { a }", rootValue: Root));

    [Fact]
    public async Task Uses_the_named_operation() =>
        Assert.Equal("""{"data":{"b":"b"}}""",
            await ExecuteJson(Schema, "query OpA { a } query OpB { b }", rootValue: Root, operationName: "OpB"));

    [Fact]
    public async Task Fails_without_a_name_when_there_are_several_operations() =>
        Assert.Equal("""{"errors":[{"message":"Must provide operation name if query contains multiple operations."}]}""",
            await ExecuteJson(Schema, "query OpA { a } query OpB { b }"));

    [Fact]
    public async Task Fails_for_an_unknown_operation_name() =>
        Assert.Equal("""{"errors":[{"message":"Unknown operation named \"UnknownExample\"."}]}""",
            await ExecuteJson(Schema, "query Example { a }", operationName: "UnknownExample"));

    [Fact]
    public async Task Fails_when_the_document_has_no_operation() =>
        Assert.Equal("""{"errors":[{"message":"Must provide an operation."}]}""",
            await ExecuteJson(Schema, "fragment Example on Type { a }"));

    [Fact]
    public async Task Refuses_mutations_and_subscriptions_the_schema_does_not_define_with_graphql_js_messages()
    {
        Assert.Equal(
            """{"errors":[{"message":"Schema is not configured to execute mutation operation.","locations":[{"line":1,"column":1}]}],"data":null}""",
            await ExecuteJson(Schema, "mutation M { a }"));
        Assert.Equal(
            """{"errors":[{"message":"Schema is not configured to execute subscription operation.","locations":[{"line":1,"column":1}]}],"data":null}""",
            await ExecuteJson(Schema, "subscription S { a }"));
    }

    [Fact]
    public async Task Refuses_mutations_even_when_the_schema_defines_a_mutation_type()
    {
        var mutation = new GraphQLObjectType("Mutation", [new FieldDefinition("write", Scalars.String) { Resolver = Value("written") }]);
        var schema = new GraphQLSchema(new GraphQLObjectType("Query", [new FieldDefinition("a", Scalars.String)]), mutation);
        var result = await Execute(schema, "mutation { write }");
        Assert.Equal(
            """{"errors":[{"message":"Only query operations are supported; this service is read-only.","locations":[{"line":1,"column":1}]}],"data":null}""",
            ExecutionResultWriter.ToJson(result));
    }

    [Fact]
    public async Task Checks_variables_before_the_operation_kind()
    {
        Assert.Equal(
            """{"errors":[{"message":"Variable \"$x\" of required type \"String!\" was not provided.","locations":[{"line":1,"column":12}]}]}""",
            await ExecuteJson(Schema, "mutation M($x: String!) { a }"));
    }

    [Fact]
    public async Task Passes_the_root_value_user_context_and_operation_to_resolvers()
    {
        ResolveContext? seen = null;
        var schema = new GraphQLSchema(new GraphQLObjectType("Query",
        [
            new FieldDefinition("test", Scalars.String)
            {
                Args = [new ArgumentDefinition("n", Scalars.Int)],
                Resolver = Sync(c => { seen = c; return "ok"; }),
            },
        ]));
        var root = new object();
        var userContext = new object();
        var result = await Execute(schema, "query Q($v: Int = 3) { result: test(n: $v) }", rootValue: root, userContext: userContext);
        Assert.Equal("""{"data":{"result":"ok"}}""", ExecutionResultWriter.ToJson(result));
        Assert.NotNull(seen);
        Assert.Same(root, seen.Source);
        Assert.Same(root, seen.RootValue);
        Assert.Same(userContext, seen.UserContext);
        Assert.Equal("test", seen.FieldName);
        Assert.Equal("Query", seen.ParentType.Name);
        Assert.Equal("Q", seen.Operation.Name?.Value);
        Assert.Equal(["result"], seen.Path.ToList());
        Assert.Equal(3, seen.VariableValues["v"]);
        Assert.Equal(3, seen.GetArgument<int>("n"));
        Assert.Single(seen.FieldNodes);
    }
}
