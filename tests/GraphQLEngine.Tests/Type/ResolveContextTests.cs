using System.Diagnostics.CodeAnalysis;
using GraphQLEngine.Execution;
using GraphQLEngine.Type;

namespace GraphQLEngine.Tests.Type;

public class ResolveContextTests
{
    // The default resolver's lookup is tested against member names that are not PascalCase, and against a property.
    [SuppressMessage("Style", "IDE1006:Naming Styles", Justification = "Lower-case member names are the case under test.")]
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "The resolver reads instance members; a static one is not the case under test.")]
    private sealed class Poco
    {
        public string Name { get; init; } = "poco";
        public int count = 7;
        public string name2 => "lower";
    }

    private enum Size { Small, ExtraLarge }

    private sealed record Filter(string Text, int Limit = 5)
    {
        public Size? Size { get; init; }
    }

    [Fact]
    public void Default_resolver_reads_dictionaries_properties_and_fields()
    {
        Assert.Equal(1, DefaultFieldResolver.Resolve(new Dictionary<string, object?> { ["a"] = 1 }, "a"));
        Assert.Null(DefaultFieldResolver.Resolve(new Dictionary<string, object?> { ["a"] = 1 }, "b"));
        Assert.Equal(2, DefaultFieldResolver.Resolve(new System.Collections.Hashtable { ["a"] = 2 }, "a"));
        Assert.Equal("poco", DefaultFieldResolver.Resolve(new Poco(), "name"));
        Assert.Equal("lower", DefaultFieldResolver.Resolve(new Poco(), "NAME2"));
        Assert.Equal(7, DefaultFieldResolver.Resolve(new Poco(), "count"));
        Assert.Null(DefaultFieldResolver.Resolve(new Poco(), "missing"));
        Assert.Null(DefaultFieldResolver.Resolve(null, "name"));
    }

    [Fact]
    public void Response_paths_list_keys_from_the_root()
    {
        var path = ResponsePath.Root("hero", "Query").AddKey("friends", "Human").AddIndex(0).AddKey("name", "Human");
        Assert.Equal(["hero", "friends", 0, "name"], path.ToList());
        Assert.Equal("hero.friends[0].name", path.ToString());
        Assert.Equal("Human", path.Typename);
        Assert.Equal(0, path.Prev!.Key);
        Assert.Null(path.Prev.Typename);
    }

    [Fact]
    public void Arguments_convert_to_requested_clr_types()
    {
        var context = ResolverTestContext.For(
            new GraphQLSchema(new GraphQLObjectType("Query", [new FieldDefinition("f", Scalars.Int)])),
            new GraphQLObjectType("Query", [new FieldDefinition("f", Scalars.Int)]),
            new FieldDefinition("f", Scalars.Int),
            null,
            new Dictionary<string, object?>
            {
                ["int"] = 5,
                ["float"] = 2.5,
                ["ids"] = new List<object?> { "a", "b" },
                ["size"] = "EXTRA_LARGE",
                ["filter"] = new Dictionary<string, object?> { ["text"] = "x", ["size"] = "SMALL" },
                ["null"] = null,
            });

        Assert.Equal(5L, context.GetArgument<long>("int"));
        Assert.Equal(5.0, context.GetArgument<double>("int"));
        Assert.Equal(2.5m, context.GetArgument<decimal>("float"));
        Assert.Equal(["a", "b"], context.GetArgument<string[]>("ids")!);
        Assert.Equal(["a", "b"], context.GetArgument<IReadOnlyList<string>>("ids")!);
        Assert.Equal(Size.ExtraLarge, context.GetArgument<Size>("size"));
        Assert.Equal(new Filter("x") { Size = Size.Small }, context.GetArgument<Filter>("filter"));
        Assert.Equal(42, context.GetArgument("missing", 42));
        Assert.Equal(42, context.GetArgument("null", 42));
        Assert.True(context.HasArgument("null"));
        Assert.False(context.HasArgument("missing"));
        Assert.Throws<InvalidCastException>(() => context.GetArgument<int>("ids"));
    }
}
