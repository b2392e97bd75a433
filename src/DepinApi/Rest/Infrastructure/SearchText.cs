using GraphQLEngine.Utilities;

namespace DepinApi.Rest.Infrastructure;

/// <summary>The free-text parameter <c>q</c>, as every endpoint that searches takes it.</summary>
public static class SearchText
{
    /// <summary>The longest search text taken by default (<c>Rest:MaxSearchTextLength</c>; GraphQL's <c>search</c> always).</summary>
    public const int DefaultMaxLength = 200;

    /// <summary>The text trimmed, or null when blank.</summary>
    /// <exception cref="InvalidParameterException">Longer than <paramref name="maxLength"/> (<c>Rest:MaxSearchTextLength</c>).</exception>
    public static string? Read(string? q, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(q))
            return null;
        if (q.Length > maxLength && Characters.Count(q) is var length && length > maxLength)
            throw new InvalidParameterException("q", $"at most {maxLength} characters", q,
                $"The parameter 'q' is {length} characters long; at most {maxLength} are searched (Rest:MaxSearchTextLength).");
        return q.Trim();
    }

    /// <summary>
    /// What a cursor's scope keeps of a search text (<see cref="CursorScope"/>): the text as <see cref="Read"/> takes it,
    /// with ASCII letters in lower case, since every search ignores case; empty when blank. Only ASCII letters are
    /// folded: two texts the database might still tell apart must not share cursors.
    /// </summary>
    public static string ScopeForm(string q) => AsciiLetters.Lower(q.Trim());
}
