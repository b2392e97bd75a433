using System.Text;

namespace DepinApi.Rest.Infrastructure;

/// <summary>
/// What a cursor is bound to: the path and every query parameter except the ones that only shape
/// a page (<c>cursor</c>, <c>limit</c>, <c>format</c>). A cursor from one filter therefore cannot be
/// replayed against another, while the same query may be paged as JSON or CSV, in any page size.
/// Parameters are read as the endpoints read them: names in any case, an empty value as no value.
/// </summary>
public static class CursorScope
{
    private static readonly HashSet<string> PageOnly = new(StringComparer.OrdinalIgnoreCase) { "cursor", "limit", "format" };

    public static string Of(HttpRequest request)
    {
        var scope = new StringBuilder(request.Path.Value);
        foreach (var (name, values) in request.Query
                     .Where(q => !PageOnly.Contains(q.Key) && !Microsoft.Extensions.Primitives.StringValues.IsNullOrEmpty(q.Value) && q.Value.ToString().Length > 0)
                     .Select(q => (Name: q.Key.ToLowerInvariant(), q.Value))
                     .OrderBy(q => q.Name, StringComparer.Ordinal))
            scope.Append('\n').Append(name).Append('=').Append(values.ToString());
        return scope.ToString();
    }
}
