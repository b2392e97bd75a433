using GraphQLEngine.Error;
using GraphQLEngine.Execution;
using GraphQLEngine.Type;
using static GraphQLEngine.Tests.Execution.ExecutionTestKit;

namespace GraphQLEngine.Tests.Execution;

/// <summary>graphql-js executor-test: resolution, ordering, merging, errors and their paths and locations.</summary>
public class ExecutorTests
{
    [Fact]
    public async Task Executes_nested_selections_with_aliases_fragments_lists_and_arguments()
    {
        GraphQLObjectType dataType = null!;
        var deepType = new GraphQLObjectType("DeepDataType", () =>
        [
            new FieldDefinition("a", Scalars.String) { Resolver = Value("Already Been Done") },
            new FieldDefinition("b", Scalars.String) { Resolver = Value("Boring") },
            new FieldDefinition("c", new GraphQLList(Scalars.String)) { Resolver = Value(new[] { "Contrived", null, "Confusing" }) },
            new FieldDefinition("deeper", new GraphQLList(dataType)) { Resolver = Sync(c => new object?[] { c.RootValue, null, c.RootValue }) },
        ]);
        dataType = new GraphQLObjectType("DataType", () =>
        [
            new FieldDefinition("a", Scalars.String) { Resolver = Value("Apple") },
            new FieldDefinition("b", Scalars.String) { Resolver = Value("Banana") },
            new FieldDefinition("c", Scalars.String) { Resolver = Value("Cookie") },
            new FieldDefinition("d", Scalars.String) { Resolver = Value("Donut") },
            new FieldDefinition("e", Scalars.String) { Resolver = Value("Egg") },
            new FieldDefinition("f", Scalars.String) { Resolver = Async(_ => "Fish") },
            new FieldDefinition("pic", Scalars.String)
            {
                Args = [new ArgumentDefinition("size", Scalars.Int)],
                Resolver = Sync(c => "Pic of size: " + c.GetArgument<int>("size")),
            },
            new FieldDefinition("deep", deepType) { Resolver = Value(new object()) },
            new FieldDefinition("promise", dataType) { Resolver = Async(c => c.RootValue) },
        ]);
        var schema = new GraphQLSchema(dataType);
        var json = await ExecuteJson(schema, """
            query ($size: Int) {
              a,
              b,
              x: c
              ...c
              f
              ...on DataType {
                pic(size: $size)
                promise {
                  a
                }
              }
              deep {
                a
                b
                c
                deeper {
                  a
                  b
                }
              }
            }

            fragment c on DataType {
              d
              e
            }
            """, Map(("size", 100)), rootValue: new object());
        Assert.Equal(
            """{"data":{"a":"Apple","b":"Banana","x":"Cookie","d":"Donut","e":"Egg","f":"Fish","pic":"Pic of size: 100","promise":{"a":"Apple"},"deep":{"a":"Already Been Done","b":"Boring","c":["Contrived",null,"Confusing"],"deeper":[{"a":"Apple","b":"Banana"},null,{"a":"Apple","b":"Banana"}]}}}""",
            json);
    }

    [Fact]
    public async Task Merges_parallel_fragments()
    {
        GraphQLObjectType type = null!;
        type = new GraphQLObjectType("Type", () =>
        [
            new FieldDefinition("a", Scalars.String) { Resolver = Value("Apple") },
            new FieldDefinition("b", Scalars.String) { Resolver = Value("Banana") },
            new FieldDefinition("c", Scalars.String) { Resolver = Value("Cherry") },
            new FieldDefinition("deep", type) { Resolver = Value(new object()) },
        ]);
        var json = await ExecuteJson(new GraphQLSchema(type), """
            { a, ...FragOne, ...FragTwo }

            fragment FragOne on Type {
              b
              deep { b, deeper: deep { b } }
            }

            fragment FragTwo on Type {
              c
              deep { c, deeper: deep { c } }
            }
            """);
        Assert.Equal(
            """{"data":{"a":"Apple","b":"Banana","deep":{"b":"Banana","deeper":{"b":"Banana","c":"Cherry"},"c":"Cherry"},"c":"Cherry"}}""",
            json);
    }

    [Fact]
    public async Task Keeps_document_order_whatever_order_fields_complete_in()
    {
        var schema = new GraphQLSchema(new GraphQLObjectType("Query",
        [
            new FieldDefinition("slow", Scalars.String) { Resolver = async _ => { await Task.Delay(30); return "slow"; } },
            new FieldDefinition("sync", Scalars.String) { Resolver = Value("sync") },
            new FieldDefinition("fast", Scalars.String) { Resolver = Async(_ => "fast") },
        ]));
        Assert.Equal("""{"data":{"slow":"slow","sync":"sync","fast":"fast","again":"slow"}}""",
            await ExecuteJson(schema, "{ slow sync fast again: slow }"));
    }

    [Fact]
    public async Task Nulls_out_error_subtrees_keeping_messages_paths_and_locations()
    {
        var schema = new GraphQLSchema(new GraphQLObjectType("Query",
        [
            new FieldDefinition("sync", Scalars.String) { Resolver = Value("sync") },
            new FieldDefinition("syncError", Scalars.String) { Resolver = Throws(new InvalidOperationException("Error getting syncError")) },
            new FieldDefinition("syncReturnError", Scalars.String) { Resolver = Value(new InvalidOperationException("Error getting syncReturnError")) },
            new FieldDefinition("syncReturnErrorList", new GraphQLList(Scalars.String))
            {
                Resolver = Value(new object[] { "sync0", new InvalidOperationException("Error getting syncReturnErrorList1"), "sync2", new InvalidOperationException("Error getting syncReturnErrorList3") }),
            },
            new FieldDefinition("async", Scalars.String) { Resolver = Async(_ => "async") },
            new FieldDefinition("asyncReject", Scalars.String) { Resolver = ThrowsAsync(new InvalidOperationException("Error getting asyncReject")) },
            new FieldDefinition("asyncReturnError", Scalars.String) { Resolver = Async(_ => new InvalidOperationException("Error getting asyncReturnError")) },
            new FieldDefinition("asyncReturnErrorWithExtensions", Scalars.String)
            {
                Resolver = Async(_ => new GraphQLError("Error getting asyncReturnErrorWithExtensions",
                    extensions: new Dictionary<string, object?> { ["foo"] = "bar" })),
            },
        ]));
        var json = await ExecuteJson(schema, """
            {
              sync
              syncError
              syncReturnError
              syncReturnErrorList
              async
              asyncReject
              asyncReturnError
              asyncReturnErrorWithExtensions
            }
            """);
        Assert.Equal(
            """{"errors":[""" +
            """{"message":"Error getting syncError","locations":[{"line":3,"column":3}],"path":["syncError"]},""" +
            """{"message":"Error getting syncReturnError","locations":[{"line":4,"column":3}],"path":["syncReturnError"]},""" +
            """{"message":"Error getting syncReturnErrorList1","locations":[{"line":5,"column":3}],"path":["syncReturnErrorList",1]},""" +
            """{"message":"Error getting syncReturnErrorList3","locations":[{"line":5,"column":3}],"path":["syncReturnErrorList",3]},""" +
            """{"message":"Error getting asyncReject","locations":[{"line":7,"column":3}],"path":["asyncReject"]},""" +
            """{"message":"Error getting asyncReturnError","locations":[{"line":8,"column":3}],"path":["asyncReturnError"]},""" +
            """{"message":"Error getting asyncReturnErrorWithExtensions","locations":[{"line":9,"column":3}],"path":["asyncReturnErrorWithExtensions"],"extensions":{"foo":"bar"}}],"data":{"sync":"sync","syncError":null,"syncReturnError":null,"syncReturnErrorList":["sync0",null,"sync2",null],"async":"async","asyncReject":null,"asyncReturnError":null,"asyncReturnErrorWithExtensions":null}}""",
            json);
    }

    [Fact]
    public async Task Includes_the_full_response_path_for_errors_in_non_null_fields()
    {
        GraphQLObjectType a = null!;
        a = new GraphQLObjectType("A", () =>
        [
            new FieldDefinition("nullableA", a) { Resolver = Value(new object()) },
            new FieldDefinition("nonNullA", new GraphQLNonNull(a)) { Resolver = Value(new object()) },
            new FieldDefinition("throws", new GraphQLNonNull(Scalars.String)) { Resolver = Throws(new InvalidOperationException("Catch me if you can")) },
        ]);
        var query = new GraphQLObjectType("Query", [new FieldDefinition("nullableA", a) { Resolver = Value(new object()) }]);
        var json = await ExecuteJson(new GraphQLSchema(query), """
            query {
              nullableA {
                aliasedA: nullableA {
                  nonNullA {
                    anotherA: nonNullA {
                      throws
                    }
                  }
                }
              }
            }
            """);
        Assert.Equal(
            """{"errors":[{"message":"Catch me if you can","locations":[{"line":6,"column":11}],"path":["nullableA","aliasedA","nonNullA","anotherA","throws"]}],"data":{"nullableA":{"aliasedA":null}}}""",
            json);
    }

    [Fact]
    public async Task Leaves_out_fields_the_type_does_not_define()
    {
        var schema = new GraphQLSchema(new GraphQLObjectType("Q", [new FieldDefinition("a", Scalars.String) { Resolver = Value("a") }]));
        Assert.Equal("""{"data":{"a":"a"}}""", await ExecuteJson(schema, "{ a, b }"));
    }

    [Fact]
    public async Task Leaves_out_arguments_that_were_not_given_and_have_no_default()
    {
        IReadOnlyDictionary<string, object?>? seen = null;
        var schema = new GraphQLSchema(new GraphQLObjectType("Q",
        [
            new FieldDefinition("field", Scalars.String)
            {
                Args = [new ArgumentDefinition("a", Scalars.Boolean), new ArgumentDefinition("b", Scalars.Boolean), new ArgumentDefinition("c", Scalars.Int) { DefaultValue = 7 }],
                Resolver = Sync(c => { seen = c.Arguments; return null; }),
            },
        ]));
        await Execute(schema, "{ field(a: true) }");
        Assert.NotNull(seen);
        Assert.Equal(true, seen["a"]);
        Assert.False(seen.ContainsKey("b"));
        Assert.Equal(7, seen["c"]);

        var result = await Execute(schema, "{ field(a: true, c: false) }");
        // c: false is invalid for Int; validation would reject the document, execution reports it at the field.
        Assert.Equal(
            """{"errors":[{"message":"Argument \"c\" has invalid value false.","locations":[{"line":1,"column":21}],"path":["field"]}],"data":{"field":null}}""",
            ExecutionResultWriter.ToJson(result));
    }

    [Fact]
    public async Task Fails_when_an_IsTypeOf_check_is_not_met()
    {
        var special = new GraphQLObjectType("SpecialType", [new FieldDefinition("value", Scalars.String)])
        {
            IsTypeOf = (value, _) => value is Dictionary<string, object?> d && d.ContainsKey("special"),
        };
        var schema = new GraphQLSchema(new GraphQLObjectType("Query",
        [
            new FieldDefinition("specials", new GraphQLList(special))
            {
                Resolver = Value(new object[] { Map(("special", true), ("value", "foo")), Map(("value", "bar")) }),
            },
        ]));
        Assert.Equal(
            """{"errors":[{"message":"Expected value of type \"SpecialType\" but got: { value: \"bar\" }.","locations":[{"line":1,"column":3}],"path":["specials",1]}],"data":{"specials":[{"value":"foo"},null]}}""",
            await ExecuteJson(schema, "{ specials { value } }"));
    }

    [Fact]
    public async Task Ignores_non_executable_definitions_and_unknown_fragments_at_execution()
    {
        var schema = new GraphQLSchema(new GraphQLObjectType("Q", [new FieldDefinition("a", Scalars.String) { Resolver = Value("a") }]));
        Assert.Equal("""{"data":{"a":"a"}}""", await ExecuteJson(schema, "{ a ...Missing } type Extra { f: Int }"));
    }

    [Fact]
    public async Task Resolves_typename_on_every_object()
    {
        var inner = new GraphQLObjectType("Inner", [new FieldDefinition("x", Scalars.Int) { Resolver = Value(1) }]);
        var schema = new GraphQLSchema(new GraphQLObjectType("Query", [new FieldDefinition("inner", inner) { Resolver = Value(new object()) }]));
        Assert.Equal("""{"data":{"__typename":"Query","inner":{"t":"Inner","x":1}}}""",
            await ExecuteJson(schema, "{ __typename inner { t: __typename x } }"));
    }

    [Fact]
    public async Task Default_resolver_reads_dictionaries_and_properties()
    {
        var item = new GraphQLObjectType("Item",
        [
            new FieldDefinition("name", Scalars.String),
            new FieldDefinition("count", Scalars.Int),
        ]);
        var schema = new GraphQLSchema(new GraphQLObjectType("Query",
        [
            new FieldDefinition("fromMap", item),
            new FieldDefinition("fromObject", item),
        ]));
        var root = Map(("fromMap", Map(("name", "map"), ("count", 1))), ("fromObject", new { Name = "object", Count = 2 }));
        Assert.Equal("""{"data":{"fromMap":{"name":"map","count":1},"fromObject":{"name":"object","count":2}}}""",
            await ExecuteJson(schema, "{ fromMap { name count } fromObject { name count } }", rootValue: root));
    }

    [Fact]
    public async Task Keeps_unexpected_messages_by_default_and_masks_them_on_request()
    {
        var schema = new GraphQLSchema(new GraphQLObjectType("Query",
        [
            new FieldDefinition("secret", Scalars.String) { Resolver = Throws(new InvalidOperationException("connection string Host=db;Password=x")) },
            new FieldDefinition("public", Scalars.String) { Resolver = Throws(new GraphQLError("Not found.")) },
            new FieldDefinition("badInt", Scalars.Int) { Resolver = Value(1.5) },
        ]));
        Assert.Equal(
            """{"errors":[{"message":"connection string Host=db;Password=x","locations":[{"line":1,"column":3}],"path":["secret"]},{"message":"Not found.","locations":[{"line":1,"column":10}],"path":["public"]},{"message":"Int cannot represent non-integer value: 1.5","locations":[{"line":1,"column":17}],"path":["badInt"]}],"data":{"secret":null,"public":null,"badInt":null}}""",
            await ExecuteJson(schema, "{ secret public badInt }"));

        var masked = await Execute(schema, "{ secret public badInt }", options: new ExecutionOptions { MaskUnexpectedErrors = true });
        Assert.Equal(
            """{"errors":[{"message":"Unexpected error.","locations":[{"line":1,"column":3}],"path":["secret"]},{"message":"Not found.","locations":[{"line":1,"column":10}],"path":["public"]},{"message":"Int cannot represent non-integer value: 1.5","locations":[{"line":1,"column":17}],"path":["badInt"]}],"data":{"secret":null,"public":null,"badInt":null}}""",
            ExecutionResultWriter.ToJson(masked));
        Assert.IsType<InvalidOperationException>(masked.Errors[0].OriginalError);
    }

    [Fact]
    public async Task Reports_a_serializer_that_returns_null()
    {
        var broken = new GraphQLScalarType("Broken") { Serializer = _ => null };
        var schema = new GraphQLSchema(new GraphQLObjectType("Query", [new FieldDefinition("b", broken) { Resolver = Value(5) }]));
        Assert.Equal(
            """{"errors":[{"message":"Expected `Broken.serialize(5)` to return non-nullable value, returned: null","locations":[{"line":1,"column":3}],"path":["b"]}],"data":{"b":null}}""",
            await ExecuteJson(schema, "{ b }"));
    }

    [Fact]
    public async Task Cancellation_aborts_execution()
    {
        using var cancellation = new CancellationTokenSource();
        var schema = new GraphQLSchema(new GraphQLObjectType("Query",
        [
            new FieldDefinition("wait", Scalars.String)
            {
                Resolver = async c => { cancellation.Cancel(); await Task.Delay(Timeout.Infinite, c.CancellationToken); return "never"; },
            },
        ]));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Executor.ExecuteAsync(new ExecutionRequest
        {
            Schema = schema,
            Document = GraphQLEngine.Language.Parser.Parse("{ wait }"),
            CancellationToken = cancellation.Token,
        }));
    }
}
