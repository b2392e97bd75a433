using DepinApi.ReadModel;
using DepinApi.Rest.Infrastructure;

namespace DepinApi.GraphQL.Execution;

/// <summary>
/// The arguments of <c>Query.projects</c> read into the read model's terms, by the resolver and by compiled execution
/// alike, so both list the same projects in the same order.
/// </summary>
internal sealed record ProjectListRequest(ProjectQuery Query, int First, string? After)
{
    /// <summary>The name cursors of this list are signed with: a cursor of one order is refused by another.</summary>
    public string ListName => $"projects:{Query.Sort}:{(Query.Descending ? "desc" : "asc")}";

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
        && search.Length > SearchText.DefaultMaxLength
            ? new InvalidParameterException("search", $"at most {SearchText.DefaultMaxLength} characters", search,
                $"The argument 'search' is {search.Length} characters long; at most {SearchText.DefaultMaxLength} are searched, as REST's q.")
            : null;

    private static string? Search(IReadOnlyDictionary<string, object?>? filter) => filter?.GetValueOrDefault("search") as string;
}
