using GraphQLEngine.Type;
using static GraphQLEngine.Tests.Execution.ExecutionTestKit;

namespace GraphQLEngine.Tests.Execution;

/// <summary>The meta-fields: <c>__schema</c> and <c>__type</c> on the query root only, <c>__typename</c> everywhere.</summary>
public class IntrospectionExecutionTests
{
    private static readonly GraphQLSchema Schema = CreateSchema();

    private static GraphQLSchema CreateSchema()
    {
        var item = new GraphQLObjectType("Item",
        [
            new FieldDefinition("id", new GraphQLNonNull(Scalars.ID)),
            new FieldDefinition("old", Scalars.String) { DeprecationReason = "Use id." },
        ]);
        return new GraphQLSchema(new GraphQLObjectType("Query", [new FieldDefinition("item", item) { Resolver = Value(new object()) }]));
    }

    [Fact]
    public async Task Answers_schema_and_type_queries_on_the_query_root()
    {
        Assert.Equal(
            """{"data":{"__schema":{"queryType":{"name":"Query"},"mutationType":null},"__type":{"kind":"OBJECT","fields":[{"name":"id","type":{"kind":"NON_NULL","ofType":{"name":"ID"}}}],"all":[{"name":"id","isDeprecated":false},{"name":"old","isDeprecated":true}]},"missing":null}}""",
            await ExecuteJson(Schema, """
                {
                  __schema { queryType { name } mutationType { name } }
                  __type(name: "Item") {
                    kind
                    fields { name type { kind ofType { name } } }
                    all: fields(includeDeprecated: true) { name isDeprecated }
                  }
                  missing: __type(name: "Nope") { name }
                }
                """));
    }

    [Fact]
    public async Task Leaves_out_schema_meta_fields_below_the_root()
    {
        Assert.Equal("""{"data":{"item":{"__typename":"Item"}}}""",
            await ExecuteJson(Schema, "{ item { __typename __schema { queryType { name } } } }"));
    }
}
