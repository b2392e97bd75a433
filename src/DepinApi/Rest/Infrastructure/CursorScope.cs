using System.Text;

namespace DepinApi.Rest.Infrastructure;

/// <summary>
/// What a cursor is bound to: the path and every query parameter except the ones that only shape
/// a page (<c>cursor</c>, <c>limit</c>, <c>format</c>). A cursor from one filter therefore cannot be
/// replayed against another, while the same query may be paged as JSON or CSV, in any page size.
/// Parameters are read as the endpoints read them: names in any case, an empty value as no value, a parameter given the
/// value it means when left out (its <see cref="QueryDefaultAttribute"/>: <c>sort=slug</c>) as no value, <c>asOf</c> by
/// what it names (<c>01</c> is <c>1</c>), a search text <c>q</c> trimmed and in any case, a list of <c>project</c> names
/// in any order, case or repetition (as GraphQL's cursors take them).
/// A query without <c>asOf</c> reads the newest data, so its cursors are bound to the version they were read from: after
/// an import a position in the old rows would skip or repeat rows of the new ones without a word, so such a cursor is
/// refused (start again, or page with <c>asOf</c>). So does a query whose <c>asOf</c> is today or a later day (the data as
/// served at that day's end, which a later import today still changes); a past day, like a version number, names data
/// no import changes.
/// </summary>
public static class CursorScope
{
    private static readonly HashSet<string> PageOnly = new(StringComparer.OrdinalIgnoreCase) { "cursor", "limit", "format" };

    /// <param name="request">The request whose query the cursor belongs to.</param>
    /// <param name="newestVersion">The newest data version, which a query without <c>asOf</c> reads.</param>
    /// <param name="defaults">The endpoint's parameters that declare a default, with it (<see cref="QueryParameterCatalog.DefaultsOf"/>).</param>
    public static string Of(HttpRequest request, int? newestVersion, IReadOnlyDictionary<string, string>? defaults)
    {
        var scope = new StringBuilder(request.Path.Value);
        if (newestVersion is { } version && ReadsTheNewest(request.Query["asOf"].ToString()))
            scope.Append("\n@newest=").Append(version);
        foreach (var (name, value) in request.Query
                     .Where(q => !PageOnly.Contains(q.Key) && !IsDefault(q.Key, q.Value.ToString(), defaults))
                     .Select(q => (Name: q.Key.ToLowerInvariant(), Value: q.Value.ToString()))
                     .Select(q => (q.Name, Value: AsRead(q.Name, q.Value)))
                     .Where(q => q.Value.Length > 0)
                     .OrderBy(q => q.Name, StringComparer.Ordinal))
            scope.Append('\n').Append(name).Append('=').Append(value);
        return scope.ToString();
    }

    // The value as the endpoints read it, so spellings they read alike share cursors.
    private static string AsRead(string name, string value) => name switch
    {
        "asof" => Canonical(value),
        "q" => SearchText.ScopeForm(value),
        "project" => ProjectResolution.ScopeForm(value),
        _ => value,
    };

    // Compared as written, as the endpoints compare their values (sort=SLUG is refused, not read as slug).
    private static bool IsDefault(string name, string value, IReadOnlyDictionary<string, string>? defaults) =>
        defaults is not null && defaults.TryGetValue(name, out var meant) && string.Equals(value, meant, StringComparison.Ordinal);

    // asOf=01 and asOf=1 name the same version, so a cursor read with one pages the other.
    private static string Canonical(string asOf) => ReadModel.AsOf.TryParse(asOf, out var parsed) ? parsed.ToString() : asOf;

    private static bool ReadsTheNewest(string asOf) =>
        asOf.Length == 0
        || (ReadModel.AsOf.TryParse(asOf, out var parsed) && parsed.Date >= DateOnly.FromDateTime(DateTime.UtcNow));
}
