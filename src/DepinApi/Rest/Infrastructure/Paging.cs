using DepinApi.Rest.Models;
using Microsoft.AspNetCore.WebUtilities;

namespace DepinApi.Rest.Infrastructure;

/// <summary>
/// Cuts pages and links them: callers fetch <c>limit + 1</c> items, and the extra one only says that
/// a next page exists. The cursor holds the sort key of the last item sent.
/// </summary>
public static class Paging
{
    /// <summary>
    /// The first <see cref="PageRequest.Limit"/> of <paramref name="fetched"/> and the page info;
    /// when there are more, sets the <c>Link: rel="next"</c> header.
    /// </summary>
    public static (IReadOnlyList<T> Items, PageInfo Page) Cut<T>(HttpContext http, CursorCodec cursors, string scope,
        PageRequest page, IReadOnlyList<T> fetched, Func<T, IReadOnlyList<string>> positionOf)
    {
        if (fetched.Count <= page.Limit)
            return (fetched, new PageInfo(page.Limit, null, null));
        var items = fetched.Take(page.Limit).ToList();
        var cursor = cursors.Create(scope, positionOf(items[^1]));
        var next = NextUrl(http.Request, cursor);
        http.Response.Headers.Append("Link", $"<{next}>; rel=\"next\"");
        return (items, new PageInfo(page.Limit, cursor, next));
    }

    /// <summary>
    /// Pages a list held in memory, ordered by a string key that sorts ordinally in list order and
    /// is unique per item; the cursor holds the last key sent.
    /// </summary>
    public static (IReadOnlyList<T> Items, PageInfo Page) InMemory<T>(HttpContext http, CursorCodec cursors, string scope,
        PageRequest page, IEnumerable<T> all, Func<T, string> sortKey)
    {
        var after = page.After is [var key] ? key : null;
        var fetched = all
            .Select(item => (Item: item, Key: sortKey(item)))
            .Where(p => after is null || string.CompareOrdinal(p.Key, after) > 0)
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Take(page.Limit + 1)
            .ToList();
        var (items, info) = Cut(http, cursors, scope, page, fetched, p => [p.Key]);
        return (items.Select(p => p.Item).ToList(), info);
    }

    /// <summary>Joins parts into a key that sorts ordinally part by part (the separator sorts below every character used).</summary>
    public static string Key(params string[] parts) => string.Join('\u0001', parts);

    /// <summary>The request's URL, as <see cref="PublicUrls"/> writes it, with <c>cursor</c> replaced.</summary>
    public static string NextUrl(HttpRequest request, string cursor)
    {
        var query = QueryHelpers.ParseQuery(request.QueryString.Value);
        query["cursor"] = cursor;
        var builder = new Microsoft.AspNetCore.Http.Extensions.QueryBuilder(query.SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string>(q.Key, v ?? ""))));
        return request.HttpContext.RequestServices.GetRequiredService<PublicUrls>().Of(request, request.Path.Value ?? "", builder.ToQueryString());
    }
}
