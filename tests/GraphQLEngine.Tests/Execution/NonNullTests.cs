using GraphQLEngine.Execution;
using GraphQLEngine.Type;
using static GraphQLEngine.Tests.Execution.ExecutionTestKit;

namespace GraphQLEngine.Tests.Execution;

/// <summary>
/// graphql-js nonnull-test: nulls propagate to the nearest nullable position, one error per failure, and
/// errors come in the order (and number) graphql-js reports for synchronous resolvers. Expected outputs
/// were produced by graphql-js 16.11 (<c>graphqlSync</c>) on the same schema and data.
/// </summary>
public class NonNullTests
{
    [Theory]
    [InlineData("throw", "{ data { sync syncNonNull syncNest { sync syncNonNull } } }", """{"errors":[{"message":"sync","locations":[{"line":1,"column":10}],"path":["data","sync"]},{"message":"syncNonNull","locations":[{"line":1,"column":15}],"path":["data","syncNonNull"]}],"data":{"data":null}}""")]
    [InlineData("null", "{ data { sync syncNonNull syncNest { sync syncNonNull } } }", """{"errors":[{"message":"Cannot return null for non-nullable field DataType.syncNonNull.","locations":[{"line":1,"column":15}],"path":["data","syncNonNull"]}],"data":{"data":null}}""")]
    [InlineData("throw", "{ data { syncNest { sync syncNest { syncNonNull } } syncNonNullNest { syncNonNullNest { sync syncNonNull } sync } sync } }", """{"errors":[{"message":"sync","locations":[{"line":1,"column":21}],"path":["data","syncNest","sync"]},{"message":"syncNonNull","locations":[{"line":1,"column":37}],"path":["data","syncNest","syncNest","syncNonNull"]},{"message":"sync","locations":[{"line":1,"column":89}],"path":["data","syncNonNullNest","syncNonNullNest","sync"]},{"message":"syncNonNull","locations":[{"line":1,"column":94}],"path":["data","syncNonNullNest","syncNonNullNest","syncNonNull"]}],"data":{"data":null}}""")]
    [InlineData("null", "{ data { syncNest { sync syncNest { syncNonNull } } syncNonNullNest { syncNonNullNest { sync syncNonNull } sync } sync } }", """{"errors":[{"message":"Cannot return null for non-nullable field DataType.syncNonNull.","locations":[{"line":1,"column":37}],"path":["data","syncNest","syncNest","syncNonNull"]},{"message":"Cannot return null for non-nullable field DataType.syncNonNull.","locations":[{"line":1,"column":94}],"path":["data","syncNonNullNest","syncNonNullNest","syncNonNull"]}],"data":{"data":null}}""")]
    [InlineData("throw", "{ nonNullData { sync syncNonNullNest { syncNonNull } sync } data { sync } }", """{"errors":[{"message":"sync","locations":[{"line":1,"column":17},{"line":1,"column":54}],"path":["nonNullData","sync"]},{"message":"syncNonNull","locations":[{"line":1,"column":40}],"path":["nonNullData","syncNonNullNest","syncNonNull"]}],"data":null}""")]
    [InlineData("null", "{ nonNullData { sync syncNonNullNest { syncNonNull } sync } data { sync } }", """{"errors":[{"message":"Cannot return null for non-nullable field DataType.syncNonNull.","locations":[{"line":1,"column":40}],"path":["nonNullData","syncNonNullNest","syncNonNull"]}],"data":null}""")]
    [InlineData("throw", "{ data { list { sync syncNonNull } } }", """{"errors":[{"message":"sync","locations":[{"line":1,"column":17}],"path":["data","list",0,"sync"]},{"message":"syncNonNull","locations":[{"line":1,"column":22}],"path":["data","list",0,"syncNonNull"]},{"message":"sync","locations":[{"line":1,"column":17}],"path":["data","list",2,"sync"]},{"message":"syncNonNull","locations":[{"line":1,"column":22}],"path":["data","list",2,"syncNonNull"]}],"data":{"data":{"list":[null,null,null]}}}""")]
    [InlineData("null", "{ data { list { sync syncNonNull } } }", """{"errors":[{"message":"Cannot return null for non-nullable field DataType.syncNonNull.","locations":[{"line":1,"column":22}],"path":["data","list",0,"syncNonNull"]},{"message":"Cannot return null for non-nullable field DataType.syncNonNull.","locations":[{"line":1,"column":22}],"path":["data","list",2,"syncNonNull"]}],"data":{"data":{"list":[null,null,null]}}}""")]
    [InlineData("throw", "{ data { sync nonNullList { sync } list { sync } } }", """{"errors":[{"message":"sync","locations":[{"line":1,"column":10}],"path":["data","sync"]},{"message":"sync","locations":[{"line":1,"column":29}],"path":["data","nonNullList",0,"sync"]},{"message":"Cannot return null for non-nullable field DataType.nonNullList.","locations":[{"line":1,"column":15}],"path":["data","nonNullList",1]},{"message":"sync","locations":[{"line":1,"column":43}],"path":["data","list",0,"sync"]},{"message":"sync","locations":[{"line":1,"column":43}],"path":["data","list",2,"sync"]}],"data":{"data":{"sync":null,"nonNullList":null,"list":[{"sync":null},null,{"sync":null}]}}}""")]
    [InlineData("null", "{ data { sync nonNullList { sync } list { sync } } }", """{"errors":[{"message":"Cannot return null for non-nullable field DataType.nonNullList.","locations":[{"line":1,"column":15}],"path":["data","nonNullList",1]}],"data":{"data":{"sync":null,"nonNullList":null,"list":[{"sync":null},null,{"sync":null}]}}}""")]
    [InlineData("throw", "{ data { s1: sync nonNullList { syncNonNull } s2: sync } }", """{"errors":[{"message":"sync","locations":[{"line":1,"column":10}],"path":["data","s1"]},{"message":"syncNonNull","locations":[{"line":1,"column":33}],"path":["data","nonNullList",0,"syncNonNull"]},{"message":"sync","locations":[{"line":1,"column":47}],"path":["data","s2"]}],"data":{"data":{"s1":null,"nonNullList":null,"s2":null}}}""")]
    [InlineData("null", "{ data { s1: sync nonNullList { syncNonNull } s2: sync } }", """{"errors":[{"message":"Cannot return null for non-nullable field DataType.syncNonNull.","locations":[{"line":1,"column":33}],"path":["data","nonNullList",0,"syncNonNull"]}],"data":{"data":{"s1":null,"nonNullList":null,"s2":null}}}""")]
    public async Task Propagates_nulls_and_reports_errors_as_graphql_js_does(string mode, string query, string expected)
    {
        Assert.Equal(expected, await ExecuteJson(CreateSchema(asynchronous: false), query, rootValue: mode));
        // The same outcome when every resolver completes asynchronously: reporting does not depend on timing.
        Assert.Equal(expected, await ExecuteJson(CreateSchema(asynchronous: true), query, rootValue: mode));
    }

    [Fact]
    public async Task Reports_a_null_for_a_non_null_argument_coming_from_a_variable()
    {
        var schema = new GraphQLSchema(new GraphQLObjectType("Query",
        [
            new FieldDefinition("withNonNullArg", Scalars.String)
            {
                Args = [new ArgumentDefinition("cannotBeNull", new GraphQLNonNull(Scalars.String))],
                Resolver = Sync(c => "Passed: " + c.GetArgument<string>("cannotBeNull")),
            },
        ]));
        Assert.Equal("""{"data":{"withNonNullArg":"Passed: string"}}""",
            await ExecuteJson(schema, """query ($testVar: String = "string") { withNonNullArg (cannotBeNull: $testVar) }"""));
        Assert.Equal(
            """{"errors":[{"message":"Argument \"cannotBeNull\" of required type \"String!\" was provided the variable \"$testVar\" which was not provided a runtime value.","locations":[{"line":1,"column":58}],"path":["withNonNullArg"]}],"data":{"withNonNullArg":null}}""",
            await ExecuteJson(schema, "query ($testVar: String) { withNonNullArg (cannotBeNull: $testVar) }"));
        Assert.Equal(
            """{"errors":[{"message":"Argument \"cannotBeNull\" of non-null type \"String!\" must not be null.","locations":[{"line":1,"column":64}],"path":["withNonNullArg"]}],"data":{"withNonNullArg":null}}""",
            await ExecuteJson(schema, "query ($testVar: String = \"x\") { withNonNullArg (cannotBeNull: $testVar) }", Map(("testVar", null))));
        Assert.Equal(
            """{"errors":[{"message":"Argument \"cannotBeNull\" of required type \"String!\" was not provided.","locations":[{"line":1,"column":3}],"path":["withNonNullArg"]}],"data":{"withNonNullArg":null}}""",
            await ExecuteJson(schema, "{ withNonNullArg }"));
    }

    private static GraphQLSchema CreateSchema(bool asynchronous)
    {
        FieldResolver Resolve(Func<ResolveContext, object?> resolve) => asynchronous ? Async(resolve) : Sync(resolve);
        object? Fail(ResolveContext c) => (string)c.Source! == "throw" ? throw new InvalidOperationException(c.FieldName) : null;

        GraphQLObjectType data = null!;
        data = new GraphQLObjectType("DataType", () =>
        [
            new FieldDefinition("sync", Scalars.String) { Resolver = Resolve(Fail) },
            new FieldDefinition("syncNonNull", new GraphQLNonNull(Scalars.String)) { Resolver = Resolve(Fail) },
            new FieldDefinition("syncNest", data) { Resolver = Resolve(c => c.Source) },
            new FieldDefinition("syncNonNullNest", new GraphQLNonNull(data)) { Resolver = Resolve(c => c.Source) },
            new FieldDefinition("list", new GraphQLList(data)) { Resolver = Resolve(c => new[] { c.Source, null, c.Source }) },
            new FieldDefinition("nonNullList", new GraphQLList(new GraphQLNonNull(data))) { Resolver = Resolve(c => new[] { c.Source, null, c.Source }) },
        ]);
        return new GraphQLSchema(new GraphQLObjectType("Query",
        [
            new FieldDefinition("data", data) { Resolver = Resolve(c => c.Source) },
            new FieldDefinition("nonNullData", new GraphQLNonNull(data)) { Resolver = Resolve(c => c.Source) },
        ]));
    }
}
