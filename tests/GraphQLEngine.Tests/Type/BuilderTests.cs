using GraphQLEngine.Execution;
using GraphQLEngine.Tests.Utilities;
using GraphQLEngine.Type;
using GraphQLEngine.Utilities;
using static GraphQLEngine.Tests.Type.ResolverTestContext;

namespace GraphQLEngine.Tests.Type;

public class BuilderTests
{
    private sealed record Root;

    private sealed record User(string Id, string Name, IReadOnlyList<User> Friends);

    private sealed record Page(int First, string? After);

    private static readonly User Ada = new("1", "Ada", []);
    private static readonly User Bob = new("2", "Bob", [Ada]);

    private static (GraphQLSchema Schema, GraphQLObjectType Query, GraphQLObjectType UserType) BuildSchema()
    {
        var node = new InterfaceTypeBuilder<object>("Node")
            .Description("Has an id.")
            .Field("id", new GraphQLNonNull(Scalars.ID))
            .Build();

        GraphQLObjectType userType = null!;
        userType = new ObjectTypeBuilder<User>("User")
            .Implements(node)
            .Field("id", new GraphQLNonNull(Scalars.ID))
            .Field("name", Scalars.String, f => f.Description("Display name.").Resolve(u => u.Name.ToUpperInvariant()))
            .Field("friends", () => new GraphQLList(userType), f => f
                .Argument("first", Scalars.Int, defaultValue: 10)
                .Resolve((u, ctx) => u.Friends.Take(ctx.GetArgument<int>("first")).ToList()))
            .Field("nick", Scalars.String, f => f.Deprecated().Metadata("cost", 3))
            .Build();

        var pageInput = new InputObjectTypeBuilder("PageInput")
            .Field("first", new GraphQLNonNull(Scalars.Int))
            .Field("after", Scalars.String, "Cursor.")
            .Build();

        var query = new ObjectTypeBuilder<Root>("Query")
            .Description("Entry points.")
            .Field("hello", Scalars.String, f => f
                .Argument("name", Scalars.String, defaultValue: "world")
                .Resolve((_, ctx) => $"Hello {ctx.GetArgument<string>("name")}"))
            .Field("user", userType, f => f
                .Argument("id", new GraphQLNonNull(Scalars.ID))
                .ResolveAsync(async (_, ctx) =>
                {
                    await Task.Yield();
                    return ctx.GetArgument<string>("id") == "2" ? Bob : null;
                }))
            .Field("page", Scalars.String, f => f
                .Argument("input", pageInput)
                .Resolve((_, ctx) => ctx.GetArgument<Page>("input") is { } page ? $"{page.First}/{page.After}" : "none"))
            .Field("node", node)
            .Build();

        return (new GraphQLSchema(query), query, userType);
    }

    [Fact]
    public void Builds_a_valid_schema_that_prints_as_expected()
    {
        var (schema, _, _) = BuildSchema();
        Assert.Empty(schema.Validate());
        Assert.Equal(""""
            """Entry points."""
            type Query {
              hello(name: String = "world"): String
              user(id: ID!): User
              page(input: PageInput): String
              node: Node
            }

            type User implements Node {
              id: ID!

              """Display name."""
              name: String
              friends(first: Int = 10): [User]
              nick: String @deprecated
            }

            """Has an id."""
            interface Node {
              id: ID!
            }

            input PageInput {
              first: Int!

              """Cursor."""
              after: String
            }
            """", SchemaPrinter.PrintSchema(schema));
    }

    [Fact]
    public async Task Typed_resolvers_receive_source_and_arguments()
    {
        var (schema, query, userType) = BuildSchema();
        Assert.Equal("Hello Ada", await Resolve(schema, query, "hello", new Root(), new Dictionary<string, object?> { ["name"] = "Ada" }));
        Assert.Same(Bob, await Resolve(schema, query, "user", new Root(), new Dictionary<string, object?> { ["id"] = "2" }));
        Assert.Equal("BOB", await Resolve(schema, userType, "name", Bob));
        Assert.Equal("2", await Resolve(schema, userType, "id", Bob));
        Assert.Equal(new List<User> { Ada }, await Resolve(schema, userType, "friends", Bob, new Dictionary<string, object?> { ["first"] = 1 }));
        Assert.Equal("5/x", await Resolve(schema, query, "page", new Root(),
            new Dictionary<string, object?> { ["input"] = new Dictionary<string, object?> { ["first"] = 5, ["after"] = "x" } }));
    }

    [Fact]
    public void Records_metadata_and_is_type_of()
    {
        var (_, _, userType) = BuildSchema();
        Assert.Equal(3, userType.GetField("nick")!.Metadata["cost"]);
        Assert.True(userType.IsTypeOf!(Ada, null!));
        Assert.False(userType.IsTypeOf!("not a user", null!));
    }

    [Fact]
    public async Task Wrong_source_type_is_reported_clearly()
    {
        var (schema, _, userType) = BuildSchema();
        var error = await Assert.ThrowsAsync<InvalidCastException>(() => Resolve(schema, userType, "name", "text"));
        Assert.Equal("Field \"User.name\" expected a parent value of type User but got String.", error.Message);
    }
}
