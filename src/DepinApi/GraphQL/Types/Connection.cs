namespace DepinApi.GraphQL.Types;

/// <summary>One page of a Relay cursor connection.</summary>
/// <param name="Nodes">The items of the page, in order.</param>
/// <param name="CursorOf">The opaque cursor that continues after an item.</param>
/// <param name="HasNextPage">Whether items follow the page.</param>
/// <param name="HasPreviousPage">Whether the page started after a cursor.</param>
/// <param name="TotalCount">Counts every item of the list (all pages); run only when asked for.</param>
public sealed record Connection<T>(
    IReadOnlyList<T> Nodes,
    Func<T, string> CursorOf,
    bool HasNextPage,
    bool HasPreviousPage,
    Func<Task<int>> TotalCount);

/// <summary>An item of a connection and its cursor.</summary>
public sealed record Edge<T>(string Cursor, T Node);
