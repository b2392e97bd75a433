using GraphQLEngine.Error;
using GraphQLEngine.Type;
using GraphQLEngine.Utilities;

namespace GraphQLEngine.Tests.Fuzz;

/// <summary>
/// A small library catalogue built with the code-first builders, over in-memory data, that uses every kind of
/// type the generator can aim at: an interface, a union, an enum, a recursive input object, a <c>@oneOf</c> input,
/// recursive object types (so selections can nest as deep as the parser allows), lists, non-null fields, and
/// resolvers that fail or return null where null is not allowed.
/// </summary>
internal static class FuzzSchema
{
    public sealed record Author(string Id, string Name);

    public sealed record Book(string Id, string Title, int Pages, double Rating, string Genre, string[] Tags, string AuthorId);

    public static readonly Author[] Authors = [new("a1", "Ursula"), new("a2", "Stanisław")];

    public static readonly Book[] Books =
    [
        new("b1", "The Dispossessed", 387, 4.2, "FICTION", ["anarchy", "physics"], "a1"),
        new("b2", "Solaris", 204, 4.0, "FICTION", ["ocean"], "a2"),
        new("b3", "Summa Technologiae", 464, 3.9, "SCIENCE", [], "a2"),
        new("b4", "The Left Hand of Darkness", 304, 4.1, "FICTION", ["winter", "gender", "politics"], "a1"),
    ];

    /// <summary>The schema; built once, since building validates and caches type maps.</summary>
    public static GraphQLSchema Schema { get; } = Build();

    private static GraphQLSchema Build()
    {
        var genre = new GraphQLEnumType("Genre",
            [new EnumValueDefinition("FICTION"), new EnumValueDefinition("SCIENCE"), new EnumValueDefinition("HISTORY") { DeprecationReason = "Merged." }]);

        GraphQLInputObjectType filter = null!;
        filter = new InputObjectTypeBuilder("BookFilter")
            .Field("genre", genre)
            .Field("minPages", Scalars.Int, defaultValue: 0)
            .Field("tags", new GraphQLList(new GraphQLNonNull(Scalars.String)))
            .Field("nested", () => filter)
            .Build();
        var key = new InputObjectTypeBuilder("BookKey").OneOf()
            .Field("id", Scalars.ID)
            .Field("title", Scalars.String)
            .Build();

        var node = new InterfaceTypeBuilder<object>("Node").Field("id", new GraphQLNonNull(Scalars.ID)).Build();

        GraphQLObjectType authorType = null!;
        GraphQLObjectType bookType = null!;
        bookType = new ObjectTypeBuilder<Book>("Book")
            .Implements(node)
            .Field("id", new GraphQLNonNull(Scalars.ID))
            .Field("title", Scalars.String, f => f
                .Argument("upper", Scalars.Boolean, defaultValue: false)
                .Resolve((b, ctx) => ctx.GetArgument<bool>("upper") ? b.Title.ToUpperInvariant() : b.Title))
            .Field("pages", Scalars.Int)
            .Field("rating", Scalars.Float)
            .Field("genre", genre)
            .Field("tags", new GraphQLList(Scalars.String))
            .Field("author", () => new GraphQLNonNull(authorType), f => f.Resolve(b => Authors.First(a => a.Id == b.AuthorId)))
            .Field("related", () => new GraphQLList(bookType), f => f
                .Argument("first", Scalars.Int, defaultValue: 2)
                .Resolve((b, ctx) => Books.Where(o => o.Id != b.Id).Take(Math.Clamp(ctx.GetArgument<int>("first"), 0, 3)).ToList()))
            .Field("sequel", () => bookType, f => f.Resolve(b => Books[(Array.IndexOf(Books, b) + 1) % Books.Length]))
            .Field("missingTitle", new GraphQLNonNull(Scalars.String), f => f.Resolve(_ => null))
            .Field("broken", Scalars.String, f => f.Resolve(b => throw new InvalidOperationException("Shelf " + b.Id + " is broken.")))
            .Build();
        authorType = new ObjectTypeBuilder<Author>("Author")
            .Implements(node)
            .Field("id", new GraphQLNonNull(Scalars.ID))
            .Field("name", Scalars.String)
            .Field("books", () => new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(bookType))), f => f
                .Resolve(a => Books.Where(b => b.AuthorId == a.Id).ToList()))
            .Build();
        var searchResult = new GraphQLUnionType("SearchResult", () => [bookType, authorType]);

        var query = new ObjectTypeBuilder<object>("Query")
            .Field("book", bookType, f => f
                .Argument("id", new GraphQLNonNull(Scalars.ID))
                .Resolve((_, ctx) => Books.FirstOrDefault(b => b.Id == ctx.GetArgument<string>("id"))))
            .Field("books", new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(bookType))), f => f
                .Argument("first", Scalars.Int, defaultValue: 10)
                .Argument("filter", filter)
                .Resolve((_, ctx) => Books.Take(Math.Clamp(ctx.GetArgument<int>("first"), 0, Books.Length)).ToList()))
            .Field("bookBy", bookType, f => f
                .Argument("key", new GraphQLNonNull(key))
                .Resolve(_ => Books[0]))
            .Field("node", node, f => f
                .Argument("id", new GraphQLNonNull(Scalars.ID))
                .Resolve((_, ctx) => (object?)Books.FirstOrDefault(b => b.Id == ctx.GetArgument<string>("id"))
                    ?? Authors.FirstOrDefault(a => a.Id == ctx.GetArgument<string>("id"))))
            .Field("search", new GraphQLNonNull(new GraphQLList(searchResult)), f => f
                .Argument("text", new GraphQLNonNull(Scalars.String))
                .Resolve(_ => new object?[] { Books[1], Authors[0], null }))
            .Field("echo", Scalars.String, f => f
                .Argument("text", Scalars.String)
                .Argument("number", Scalars.Int)
                .Argument("ratio", Scalars.Float)
                .Argument("flag", Scalars.Boolean)
                .Argument("numbers", new GraphQLList(Scalars.Int))
                .Argument("filter", filter)
                .Argument("genre", genre)
                .Resolve((_, ctx) => Inspector.Inspect(ctx.Arguments)))
            .Field("fail", Scalars.String, f => f.Resolve(_ => throw new GraphQLError("Refused on purpose.")))
            .Build();

        var schema = new GraphQLSchema(query, types: [bookType, authorType]);
        schema.AssertValid();
        return schema;
    }
}
