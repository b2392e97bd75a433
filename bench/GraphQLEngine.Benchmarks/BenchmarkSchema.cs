using GraphQLEngine.Type;

namespace GraphQLEngine.Benchmarks;

/// <summary>
/// A library catalogue over in-memory data, built with the code-first builders: the resolvers cost next to
/// nothing, so the benchmarks measure the engine rather than a data source.
/// </summary>
internal static class BenchmarkSchema
{
    public sealed record Address(string Street, string City, string Country);

    public sealed record Author(string Id, string Name, int Born, string Country);

    public sealed record Reviewer(string Id, string Name);

    public sealed record Review(string Id, int Rating, string Body, Reviewer Reviewer);

    public sealed record Book(
        string Id, string Title, string Isbn, int Pages, double Rating, string Genre, string PublishedAt, string[] Tags,
        Author Author, Review[] Reviews);

    public sealed record Library(string Id, string Name, Address Address, Book[] Books);

    public static Library Data { get; } = CreateData();

    public static GraphQLSchema Create()
    {
        var genre = new GraphQLEnumType("Genre",
            [new EnumValueDefinition("FICTION"), new EnumValueDefinition("SCIENCE"), new EnumValueDefinition("HISTORY")]);

        var address = new ObjectTypeBuilder<Address>("Address")
            .Field("street", Scalars.String)
            .Field("city", Scalars.String)
            .Field("country", Scalars.String)
            .Build();
        var author = new ObjectTypeBuilder<Author>("Author")
            .Field("id", new GraphQLNonNull(Scalars.ID))
            .Field("name", Scalars.String)
            .Field("born", Scalars.Int)
            .Field("country", Scalars.String)
            .Build();
        var reviewer = new ObjectTypeBuilder<Reviewer>("Reviewer")
            .Field("id", new GraphQLNonNull(Scalars.ID))
            .Field("name", Scalars.String)
            .Build();
        var review = new ObjectTypeBuilder<Review>("Review")
            .Field("id", new GraphQLNonNull(Scalars.ID))
            .Field("rating", Scalars.Int)
            .Field("body", Scalars.String)
            .Field("reviewer", reviewer)
            .Build();
        var book = new ObjectTypeBuilder<Book>("Book")
            .Field("id", new GraphQLNonNull(Scalars.ID))
            .Field("title", Scalars.String)
            .Field("isbn", Scalars.String)
            .Field("pages", Scalars.Int)
            .Field("rating", Scalars.Float)
            .Field("genre", genre)
            .Field("publishedAt", Scalars.String)
            .Field("tags", new GraphQLList(new GraphQLNonNull(Scalars.String)))
            .Field("author", new GraphQLNonNull(author))
            .Field("reviews", new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(review))), f => f
                .Argument("first", Scalars.Int, defaultValue: 10)
                .Resolve((b, ctx) => b.Reviews.Take(ctx.GetArgument<int>("first")).ToList()))
            .Build();
        var library = new ObjectTypeBuilder<Library>("Library")
            .Field("id", new GraphQLNonNull(Scalars.ID))
            .Field("name", Scalars.String)
            .Field("address", address)
            .Field("totalBooks", Scalars.Int, f => f.Resolve(l => l.Books.Length))
            .Field("books", new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(book))), f => f
                .Argument("first", Scalars.Int, defaultValue: 10)
                .Argument("genre", genre)
                .Resolve((l, ctx) =>
                {
                    var wanted = ctx.GetArgument<string>("genre");
                    return l.Books.Where(b => wanted is null || b.Genre == wanted).Take(ctx.GetArgument<int>("first")).ToList();
                }))
            .Build();
        var query = new ObjectTypeBuilder<object>("Query")
            .Field("library", library, f => f
                .Argument("id", new GraphQLNonNull(Scalars.ID))
                .Resolve((_, ctx) => ctx.GetArgument<string>("id") == Data.Id ? Data : null))
            .Build();

        var schema = new GraphQLSchema(query);
        schema.AssertValid();
        return schema;
    }

    private static Library CreateData()
    {
        string[] genres = ["FICTION", "SCIENCE", "HISTORY"];
        var authors = Enumerable.Range(1, 4).Select(i => new Author($"a{i}", $"Author {i}", 1900 + i * 13, i % 2 == 0 ? "PL" : "US")).ToArray();
        var reviewers = Enumerable.Range(1, 5).Select(i => new Reviewer($"r{i}", $"Reviewer {i}")).ToArray();
        var books = Enumerable.Range(1, 10).Select(i => new Book(
                $"b{i}", $"Book number {i}", $"978-0-00-00000{i % 10}-{i % 7}", 100 + i * 37, 3 + i % 20 / 10.0, genres[i % 3],
                $"19{60 + i}-0{1 + i % 9}-1{i % 10}", ["tag" + i % 4, "shelf" + i % 3],
                authors[i % authors.Length],
                Enumerable.Range(1, 3).Select(j => new Review($"v{i}-{j}", 1 + (i + j) % 5, $"Review {j} of book {i}.", reviewers[(i + j) % reviewers.Length])).ToArray()))
            .ToArray();
        return new Library("l1", "Central Library", new Address("1 Main Street", "Springfield", "US"), books);
    }
}
