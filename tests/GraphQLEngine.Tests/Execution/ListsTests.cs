using GraphQLEngine.Execution;
using GraphQLEngine.Language;
using GraphQLEngine.Type;
using static GraphQLEngine.Tests.Execution.ExecutionTestKit;

namespace GraphQLEngine.Tests.Execution;

/// <summary>graphql-js lists-test: every list/non-null combination; expected outputs produced by graphql-js 16.11.</summary>
public class ListsTests
{
    private static readonly Dictionary<string, object?> Values = new()
    {
        ["ints"] = new object?[] { 1, 2 },
        ["withNull"] = new object?[] { 1, null, 2 },
        ["null"] = null,
        ["notList"] = "abc",
        ["nested"] = new object?[] { new object?[] { 1 }, new object?[] { null }, null },
        ["badItem"] = new object?[] { 1, "x", 1.5 },
    };

    [Theory]
    [InlineData("[Int]", "ints", """{"data":{"nest":{"list":[1,2]}}}""")]
    [InlineData("[Int]", "withNull", """{"data":{"nest":{"list":[1,null,2]}}}""")]
    [InlineData("[Int]", "null", """{"data":{"nest":{"list":null}}}""")]
    [InlineData("[Int]", "notList", """{"errors":[{"message":"Expected Iterable, but did not find one for field \"Nest.list\".","locations":[{"line":1,"column":10}],"path":["nest","list"]}],"data":{"nest":{"list":null}}}""")]
    [InlineData("[Int]", "badItem", """{"errors":[{"message":"Int cannot represent non-integer value: \"x\"","locations":[{"line":1,"column":10}],"path":["nest","list",1]},{"message":"Int cannot represent non-integer value: 1.5","locations":[{"line":1,"column":10}],"path":["nest","list",2]}],"data":{"nest":{"list":[1,null,null]}}}""")]
    [InlineData("[Int]!", "ints", """{"data":{"nest":{"list":[1,2]}}}""")]
    [InlineData("[Int]!", "withNull", """{"data":{"nest":{"list":[1,null,2]}}}""")]
    [InlineData("[Int]!", "null", """{"errors":[{"message":"Cannot return null for non-nullable field Nest.list.","locations":[{"line":1,"column":10}],"path":["nest","list"]}],"data":{"nest":null}}""")]
    [InlineData("[Int]!", "notList", """{"errors":[{"message":"Expected Iterable, but did not find one for field \"Nest.list\".","locations":[{"line":1,"column":10}],"path":["nest","list"]}],"data":{"nest":null}}""")]
    [InlineData("[Int]!", "badItem", """{"errors":[{"message":"Int cannot represent non-integer value: \"x\"","locations":[{"line":1,"column":10}],"path":["nest","list",1]},{"message":"Int cannot represent non-integer value: 1.5","locations":[{"line":1,"column":10}],"path":["nest","list",2]}],"data":{"nest":{"list":[1,null,null]}}}""")]
    [InlineData("[Int!]", "ints", """{"data":{"nest":{"list":[1,2]}}}""")]
    [InlineData("[Int!]", "withNull", """{"errors":[{"message":"Cannot return null for non-nullable field Nest.list.","locations":[{"line":1,"column":10}],"path":["nest","list",1]}],"data":{"nest":{"list":null}}}""")]
    [InlineData("[Int!]", "null", """{"data":{"nest":{"list":null}}}""")]
    [InlineData("[Int!]", "notList", """{"errors":[{"message":"Expected Iterable, but did not find one for field \"Nest.list\".","locations":[{"line":1,"column":10}],"path":["nest","list"]}],"data":{"nest":{"list":null}}}""")]
    [InlineData("[Int!]", "badItem", """{"errors":[{"message":"Int cannot represent non-integer value: \"x\"","locations":[{"line":1,"column":10}],"path":["nest","list",1]}],"data":{"nest":{"list":null}}}""")]
    [InlineData("[Int!]!", "ints", """{"data":{"nest":{"list":[1,2]}}}""")]
    [InlineData("[Int!]!", "withNull", """{"errors":[{"message":"Cannot return null for non-nullable field Nest.list.","locations":[{"line":1,"column":10}],"path":["nest","list",1]}],"data":{"nest":null}}""")]
    [InlineData("[Int!]!", "null", """{"errors":[{"message":"Cannot return null for non-nullable field Nest.list.","locations":[{"line":1,"column":10}],"path":["nest","list"]}],"data":{"nest":null}}""")]
    [InlineData("[Int!]!", "notList", """{"errors":[{"message":"Expected Iterable, but did not find one for field \"Nest.list\".","locations":[{"line":1,"column":10}],"path":["nest","list"]}],"data":{"nest":null}}""")]
    [InlineData("[Int!]!", "badItem", """{"errors":[{"message":"Int cannot represent non-integer value: \"x\"","locations":[{"line":1,"column":10}],"path":["nest","list",1]}],"data":{"nest":null}}""")]
    [InlineData("[[Int!]]", "nested", """{"errors":[{"message":"Cannot return null for non-nullable field Nest.list.","locations":[{"line":1,"column":10}],"path":["nest","list",1,0]}],"data":{"nest":{"list":[[1],null,null]}}}""")]
    public async Task Completes_lists_as_graphql_js_does(string type, string valueName, string expected)
    {
        var listType = TypeFromSdl(type);
        var nest = new GraphQLObjectType("Nest", [new FieldDefinition("list", listType)]);
        var schema = new GraphQLSchema(new GraphQLObjectType("Query", [new FieldDefinition("nest", nest)]));
        var root = Map(("nest", Map(("list", Values[valueName]))));
        Assert.Equal(expected, await ExecuteJson(schema, "{ nest { list } }", rootValue: root));
    }

    [Fact]
    public async Task Accepts_any_enumerable_but_not_strings_or_maps()
    {
        static IEnumerable<int> Generate()
        {
            yield return 1;
            yield return 2;
        }
        var schema = new GraphQLSchema(new GraphQLObjectType("Query",
        [
            new FieldDefinition("generated", new GraphQLList(Scalars.Int)) { Resolver = Value(Generate()) },
            new FieldDefinition("set", new GraphQLList(Scalars.Int)) { Resolver = Value(new SortedSet<int> { 3, 1 }) },
            new FieldDefinition("map", new GraphQLList(Scalars.Int)) { Resolver = Value(Map(("a", 1))) },
        ]));
        Assert.Equal(
            """{"errors":[{"message":"Expected Iterable, but did not find one for field \"Query.map\".","locations":[{"line":1,"column":17}],"path":["map"]}],"data":{"generated":[1,2],"set":[1,3],"map":null}}""",
            await ExecuteJson(schema, "{ generated set map }"));
    }

    private static GraphQLType TypeFromSdl(string sdl)
    {
        var document = Parser.Parse($"query($v: {sdl}) {{ f }}");
        var typeNode = ((OperationDefinitionNode)document.Definitions[0]).VariableDefinitions[0].Type;
        return Build(typeNode);

        static GraphQLType Build(TypeNode node) => node switch
        {
            NonNullTypeNode nonNull => new GraphQLNonNull(Build(nonNull.Type)),
            ListTypeNode list => new GraphQLList(Build(list.Type)),
            _ => Scalars.Int,
        };
    }
}
