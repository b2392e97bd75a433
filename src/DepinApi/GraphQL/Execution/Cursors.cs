using System.Globalization;
using DepinApi.ReadModel;
using DepinApi.Rest.Infrastructure;
using GraphQLEngine.Error;
using GraphQLEngine.Execution;

namespace DepinApi.GraphQL.Execution;

/// <summary>
/// Opaque, signed cursors, bound as REST's are (<see cref="CursorScope"/>): the keyset position of an item (its sort
/// values) and the data version it was read from, signed by REST's <see cref="CursorCodec"/> (<c>Rest:CursorKey</c>)
/// for the query it belongs to — the list with its arguments in a canonical form, and the request's <c>asOf</c>. A
/// hand-made or altered cursor, or one of another query, is refused instead of steering the query; so is one of
/// another data version, whose position in other rows could skip or repeat items without a word. The version is
/// carried in the cursor, not in what it is signed for, so that it can be compared with the version a request reads
/// where that is known, in a compiled statement too, and so that the refusal can say an import is why.
/// </summary>
internal static class Cursors
{
    // Keeps a GraphQL cursor from ever passing for a REST one of the same position, and the reverse.
    private const string Scope = "graphql:";

    /// <summary>
    /// What a cursor of <paramref name="list"/> (the list and its arguments, canonical) is signed for in a request
    /// reading <paramref name="asOf"/> (null: the newest data): a cursor of one is refused by any other.
    /// </summary>
    public static string Query(string list, AsOf? asOf) => $"{Scope}{list}\n@{asOf}";

    /// <summary>The resolvers' encoder of positions in <paramref name="list"/>, read from <paramref name="session"/>'s version.</summary>
    public static Func<string[], string> Encoder(ResolveContext context, string list, ReadSession session)
    {
        var codec = Codec(context);
        var query = Query(list, AsOfOf(context));
        var version = session.Version.Id;
        return position => Create(codec, query, version, position);
    }

    /// <summary>
    /// The cursor of <paramref name="position"/> in <paramref name="query"/> (<see cref="Query"/>), read from data version
    /// <paramref name="version"/>, for resolvers and compiled execution alike.
    /// </summary>
    public static string Create(CursorCodec codec, string query, int version, IReadOnlyList<string> position)
    {
        var values = new string[position.Count + 1];
        values[0] = version.ToString(CultureInfo.InvariantCulture);
        for (var i = 0; i < position.Count; i++) values[i + 1] = position[i];
        return codec.Create(query, values);
    }

    /// <summary>
    /// The version and position a cursor from <see cref="Create"/> for <paramref name="query"/> holds; null when it is
    /// not such a cursor, intact, of a position of <paramref name="parts"/> values.
    /// </summary>
    public static OpenedCursor? TryOpen(CursorCodec codec, string query, string cursor, int parts)
    {
        try
        {
            var values = codec.Open(query, cursor);
            return values.Count == parts + 1 && int.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out var version)
                ? new OpenedCursor(version, [.. values.Skip(1)])
                : null;
        }
        catch (InvalidParameterException)
        {
            return null;
        }
    }

    /// <summary>The version and position a cursor from <see cref="Encoder"/> for <paramref name="list"/> holds.</summary>
    /// <param name="arguments">The field's arguments the list depends on, as the refusal names them before "and asOf" ("filter, orderBy").</param>
    /// <exception cref="GraphQLError">The text is not such a cursor, intact.</exception>
    public static OpenedCursor Decode(ResolveContext context, string list, string cursor, int parts, string arguments) =>
        TryOpen(Codec(context), Query(list, AsOfOf(context)), cursor, parts) ?? throw BadCursor(arguments);

    /// <summary>Refuses <paramref name="cursor"/> unless it was read from the data version <paramref name="session"/> reads.</summary>
    /// <exception cref="GraphQLError">It was read from another version.</exception>
    public static void CheckVersion(OpenedCursor cursor, ReadSession session)
    {
        if (cursor.Version != session.Version.Id) throw OtherVersion(cursor.Version, session.Version.Id);
    }

    public static GraphQLError BadCursor(string arguments) =>
        Error($"Argument \"after\" is not a cursor of this list for these arguments: expected an endCursor or edge cursor this "
              + $"field returned for the same {arguments} and asOf, unaltered (cursors are signed by the server).");

    /// <summary>
    /// A cursor of data version <paramref name="cursor"/> where the request reads <paramref name="read"/>: said apart
    /// from a cursor that does not open, because the client did nothing wrong and can keep to one version with asOf.
    /// </summary>
    public static GraphQLError OtherVersion(int cursor, int read) =>
        Error($"Argument \"after\" is a cursor of data version {cursor}, and this request reads version {read}: "
              + (cursor < read
                  ? "an import has made newer data since, in which its position could skip or repeat items. "
                    + "Start again without \"after\", or page with an asOf that names a version to keep to one."
                  : $"this server has not seen version {cursor} yet, and in older data its position could skip or repeat items. "
                    + "Retry shortly, or start again without \"after\"."));

    private static GraphQLError Error(string message) =>
        new(message, extensions: new Dictionary<string, object?> { ["code"] = "BAD_CURSOR", ["argument"] = "after" });

    // The request's asOf, found from the document as its read session finds it (the resolvers' request has no other).
    private static AsOf? AsOfOf(ResolveContext context) => RequestAsOf.Find(context.Operation, context.Fragments, context.VariableValues);

    private static CursorCodec Codec(ResolveContext context) =>
        context.State().Http.RequestServices.GetRequiredService<CursorCodec>();
}

/// <summary>What an intact cursor holds: the data version it was read from and the position of its item.</summary>
internal sealed record OpenedCursor(int Version, string[] Position);
