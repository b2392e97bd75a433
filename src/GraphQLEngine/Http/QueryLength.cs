using GraphQLEngine.Utilities;

namespace GraphQLEngine.Http;

/// <summary>
/// The measure <see cref="GraphQLHttpOptions.MaxQueryLength"/> limits: characters (Unicode scalar values), as its
/// error states, not UTF-16 code units, which count an emoji twice. One home, so that a host pricing a document by
/// whether it will be refused for its length (before the engine reads it) draws the line where the engine does.
/// </summary>
public static class QueryLength
{
    /// <summary>The length of <paramref name="query"/> in characters when it is over <paramref name="limit"/>; null when within it, or the limit is zero or less (none).</summary>
    public static int? Exceeding(string query, int limit)
    {
        // No text has more characters than code units: within the limit in code units, it is within it in characters,
        // which spares counting every ordinary document.
        if (limit <= 0 || query.Length <= limit) return null;
        var characters = Characters.Count(query);
        return characters > limit ? characters : null;
    }
}
