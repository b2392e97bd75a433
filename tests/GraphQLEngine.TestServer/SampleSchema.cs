using GraphQLEngine.Error;
using GraphQLEngine.Limits;
using GraphQLEngine.Type;

namespace GraphQLEngine.TestServer;

/// <summary>
/// The schema this host serves: a small catalogue with a paginated list, a connection-free nested list, a field that
/// fails with an internal message, a slow field, the user context, and a mutation type (so that GET rules apply).
/// </summary>
public static class SampleSchema
{
    public const string InternalFailureMessage = "connection string Host=db;Password=secret refused";

    public static GraphQLSchema Create()
    {
        GraphQLObjectType? bookType = null;
        var authorType = new ObjectTypeBuilder<Author>("Author")
            .Field("id", new GraphQLNonNull(Scalars.ID), f => f.Resolve(a => a.Id))
            .Field("name", new GraphQLNonNull(Scalars.String), f => f.Resolve(a => a.Name))
            .Field("books", () => new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(bookType!))), f => f
                .Argument("first", Scalars.Int)
                .Argument("last", Scalars.Int)
                .Resolve((author, context) => Library.Page(
                    Library.Books.Where(b => b.Author == author),
                    context.GetArgument<int?>("first"),
                    context.GetArgument<int?>("last"))))
            .Build();

        bookType = new ObjectTypeBuilder<Book>("Book")
            .Field("id", new GraphQLNonNull(Scalars.ID), f => f.Resolve(b => b.Id))
            .Field("title", new GraphQLNonNull(Scalars.String), f => f.Resolve(b => b.Title))
            .Field("author", new GraphQLNonNull(authorType), f => f.Resolve(b => b.Author))
            .Field("tags", new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(Scalars.String))), f => f
                .Metadata(CostMetadata.ListSize, 3)
                .Resolve(b => new[] { "fiction", b.Author.Name }))
            .Build();

        var query = new ObjectTypeBuilder<object>("Query")
            .Field("hello", Scalars.String, f => f
                .Argument("name", Scalars.String, defaultValue: "world")
                .Resolve((_, context) => $"Hello, {context.GetArgument<string>("name")}!"))
            .Field("books", new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(bookType))), f => f
                .Argument("first", Scalars.Int)
                .Argument("last", Scalars.Int)
                .Resolve((_, context) => Library.Page(
                    Library.Books, context.GetArgument<int?>("first"), context.GetArgument<int?>("last"))))
            .Field("book", bookType, f => f
                .Argument("id", new GraphQLNonNull(Scalars.ID))
                .Resolve((_, context) => Library.Books.FirstOrDefault(b => b.Id == context.GetArgument<string>("id"))))
            .Field("authors", new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(authorType))), f => f
                .Metadata(CostMetadata.ListSize, 5)
                .Resolve(_ => Library.Authors))
            .Field("internalFailure", Scalars.String, f => f
                .Resolve(_ => throw new InvalidOperationException(InternalFailureMessage)))
            .Field("publicFailure", Scalars.String, f => f
                .Resolve(_ => throw new GraphQLError("This field always fails.")))
            .Field("slow", Scalars.String, f => f
                .Argument("milliseconds", new GraphQLNonNull(Scalars.Int))
                .ResolveAsync(async (_, context) =>
                {
                    await Task.Delay(context.GetArgument<int>("milliseconds"), context.CancellationToken);
                    return "done";
                }))
            .Field("viewer", Scalars.String, f => f.Resolve((_, context) => context.UserContext as string))
            .Build();

        var mutation = new ObjectTypeBuilder<object>("Mutation")
            .Field("touch", Scalars.Boolean, f => f.Resolve(_ => true))
            .Build();

        var schema = new GraphQLSchema(query, mutation);
        schema.AssertValid();
        return schema;
    }
}
