using DepinApi.Database;

namespace DepinApi.Rest.Models;

/// <summary>The data version a response was read from; <c>current</c> is false for an <c>asOf</c> in the past.</summary>
public sealed record DataVersionRef(int Id, DateTimeOffset ImportedAt, bool Current)
{
    public static DataVersionRef Example => new(1, new DateTimeOffset(2026, 6, 1, 8, 0, 0, TimeSpan.Zero), true);


    public static DataVersionRef Of(DataVersionInfo version, bool current) => new(version.Id, version.ImportedAt, current);
}

/// <summary>One resource, with the data version it was read from.</summary>
public sealed record ItemResponse<T>(DataVersionRef DataVersion, T Data);

/// <summary>One page of a list, with the data version it was read from and how to get the next page.</summary>
public sealed record ListResponse<T>(DataVersionRef DataVersion, IReadOnlyList<T> Data, PageInfo Page);

/// <summary>
/// Paging state: <c>next</c> is the URL of the next page (also sent as <c>Link: rel="next"</c>),
/// null on the last page.
/// </summary>
public sealed record PageInfo(int Limit, string? NextCursor, string? Next)
{
    public static PageInfo Example => new(50, null, null);
}
