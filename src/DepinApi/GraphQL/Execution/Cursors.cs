using System.Buffers.Text;
using System.Text;
using GraphQLEngine.Error;

namespace DepinApi.GraphQL.Execution;

/// <summary>
/// Opaque cursors: the keyset position of an item (its sort values), tagged with the list and order they belong
/// to so that a cursor from another list or another order is refused instead of silently skipping items.
/// </summary>
internal static class Cursors
{
    private const char Separator = '\u001f';

    public static string Encode(string list, params string[] position) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Join(Separator, [list, .. position])));

    /// <summary>The position written by <see cref="Encode"/> for <paramref name="list"/>.</summary>
    /// <exception cref="GraphQLError">The text is not such a cursor.</exception>
    public static string[] Decode(string list, string cursor, int parts)
    {
        string[]? decoded = null;
        try
        {
            decoded = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor)).Split(Separator);
        }
        catch (FormatException)
        {
        }
        if (decoded is null || decoded.Length != parts + 1 || decoded[0] != list)
        {
            throw new GraphQLError(
                $"Argument \"after\" is not a cursor of this list in this order: expected an endCursor or edge cursor this field returned for the same orderBy.",
                extensions: new Dictionary<string, object?> { ["code"] = "BAD_CURSOR", ["argument"] = "after" });
        }
        return decoded[1..];
    }
}
