using DepinApi.Rest.Infrastructure;
using GraphQLEngine.Error;
using GraphQLEngine.Execution;

namespace DepinApi.GraphQL.Execution;

/// <summary>
/// Opaque, signed cursors: the keyset position of an item (its sort values), signed by REST's <see cref="CursorCodec"/>
/// (<c>Rest:CursorKey</c>) for the list and order they belong to, so that a hand-made or altered cursor, or one from
/// another list or order, is refused instead of steering the query or silently skipping items.
/// </summary>
internal static class Cursors
{
    // Keeps a GraphQL cursor from ever passing for a REST one of the same position, and the reverse.
    private const string Scope = "graphql:";

    public static Func<string[], string> Encoder(ResolveContext context, string list)
    {
        var codec = Codec(context);
        return position => Create(codec, list, position);
    }

    /// <summary>The cursor of <paramref name="position"/> in <paramref name="list"/>, for resolvers and compiled execution alike.</summary>
    public static string Create(CursorCodec codec, string list, IReadOnlyList<string> position) => codec.Create(Scope + list, position);

    /// <summary>The position a cursor from <see cref="Create"/> for <paramref name="list"/> holds; null when it is not such a cursor, intact.</summary>
    public static string[]? TryOpen(CursorCodec codec, string list, string cursor, int parts)
    {
        try
        {
            var position = codec.Open(Scope + list, cursor);
            return position.Count == parts ? [.. position] : null;
        }
        catch (InvalidParameterException)
        {
            return null;
        }
    }

    /// <summary>The position a cursor from <see cref="Encoder"/> for <paramref name="list"/> holds.</summary>
    /// <exception cref="GraphQLError">The text is not such a cursor, intact.</exception>
    public static string[] Decode(ResolveContext context, string list, string cursor, int parts) =>
        TryOpen(Codec(context), list, cursor, parts) ?? throw BadCursor();

    public static GraphQLError BadCursor() =>
        new("Argument \"after\" is not a cursor of this list in this order: expected an endCursor or edge cursor this field "
            + "returned for the same orderBy, unaltered (cursors are signed by the server).",
            extensions: new Dictionary<string, object?> { ["code"] = "BAD_CURSOR", ["argument"] = "after" });

    private static CursorCodec Codec(ResolveContext context) =>
        context.State().Http.RequestServices.GetRequiredService<CursorCodec>();
}
