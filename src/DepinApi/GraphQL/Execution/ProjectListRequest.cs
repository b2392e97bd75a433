using System.Text.Json;
using DepinApi.ReadModel;
using DepinApi.Rest.Infrastructure;
using GraphQLEngine.Utilities;

namespace DepinApi.GraphQL.Execution;

/// <summary>
/// The arguments of <c>Query.projects</c> read into the read model's terms, by the resolver and by compiled execution
/// alike, so both list the same projects in the same order.
/// </summary>
internal sealed record ProjectListRequest(ProjectQuery Query, int First, string? After)
{
    /// <summary>
    /// The list and its arguments as cursors of it are signed for (<see cref="Cursors.Query"/>): a cursor of one order or
    /// filter is refused by another. The filter is written as it is read, so that one filter written two ways is one
    /// list: the slugs in code-point order, each once; the search as it is matched (trimmed, lower-cased, a blank one
    /// none). No slugs (<c>[]</c>, matching no project) stays apart from no slug filter.
    /// </summary>
    public string ListName => "projects:" + JsonSerializer.Serialize<object?[]>(
    [
        Query.Sort.ToString(), Query.Descending ? "desc" : "asc", Query.Sector,
        Query.Search is { } search ? ProjectSql.SearchText(search) : null,
        Query.Slugs?.Distinct().Order(StringComparer.Ordinal).ToArray(),
    ]);

    /// <summary>What a refusal of a cursor of this list says it depends on (<see cref="Cursors.BadCursor"/>).</summary>
    public const string CursorArguments = "filter, orderBy";

    public static ProjectListRequest From(IReadOnlyDictionary<string, object?> arguments)
    {
        var filter = arguments.GetValueOrDefault("filter") as IReadOnlyDictionary<string, object?>;
        var order = arguments.GetValueOrDefault("orderBy") as IReadOnlyDictionary<string, object?>;
        var query = new ProjectQuery
        {
            Sector = filter?.GetValueOrDefault("sector") as string,
            // Read as REST reads q: trimmed, and blank as no search (it matched no project).
            Search = Search(filter) is { } search && !string.IsNullOrWhiteSpace(search) ? search.Trim() : null,
            Slugs = (filter?.GetValueOrDefault("slugs") as IEnumerable<object?>)?.OfType<string>().ToArray(),
            Sort = order?.GetValueOrDefault("field") is ProjectSort field ? field : ProjectSort.Slug,
            Descending = order?.GetValueOrDefault("direction") is true,
        };
        return new ProjectListRequest(query, arguments.GetValueOrDefault("first") is int first ? first : 0,
            arguments.GetValueOrDefault("after") as string);
    }

    /// <summary>
    /// A search longer than REST takes for <c>q</c> (<see cref="SearchText.DefaultMaxLength"/>), which the resolver refuses
    /// as REST refuses it; null when the arguments are ones to run.
    /// </summary>
    public static InvalidParameterException? Refusal(IReadOnlyDictionary<string, object?> arguments) =>
        Search(arguments.GetValueOrDefault("filter") as IReadOnlyDictionary<string, object?>) is { } search
        && search.Length > SearchText.DefaultMaxLength && Characters.Count(search) is var length && length > SearchText.DefaultMaxLength
            ? new InvalidParameterException("search", $"at most {SearchText.DefaultMaxLength} characters", search,
                $"The argument 'search' is {length} characters long; at most {SearchText.DefaultMaxLength} are searched, as REST's q.")
            : null;

    private static string? Search(IReadOnlyDictionary<string, object?>? filter) => filter?.GetValueOrDefault("search") as string;
}
