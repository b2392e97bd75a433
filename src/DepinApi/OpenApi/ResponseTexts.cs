namespace DepinApi.OpenApi;

/// <summary>
/// What each status code means in this API, used where an endpoint declares a status without a description
/// of its own (the generator's default is the bare reason phrase, which tells a reader nothing).
/// </summary>
public static class ResponseTexts
{
    private static readonly Dictionary<int, string> Texts = new()
    {
        [200] = "The resource, as JSON or (when asked for) CSV.",
        [304] = "Not modified: the `If-None-Match` ETag still matches. No body; reuse the cached representation.",
        [308] = "The project was renamed: `Location` names the same resource under the current slug. Clients should follow it and may remember it.",
        [400] = "A parameter cannot be used as given. The problem names it in `parameter`, repeats it in `value` and says what was expected in `expected`.",
        [401] = "The request sent an API key (`X-Api-Key` or `Authorization: Bearer`) this server does not accept. Send none to use the anonymous limits.",
        [404] = "No such resource: an unknown slug (the problem suggests the nearest one), a figure that does not exist, or an `asOf` that names no data version.",
        [406] = "None of the media types in `Accept` can be produced.",
        [412] = "`If-Match` names no ETag of the current representation: it changed since (a new data version), or the tag was never its. GET it without `If-Match` for the current one.",
        [429] = "Rate limit exceeded for this client (its IP address, or its API key). `Retry-After` says when to try again.",
        [500] = "An unexpected error. The problem carries no internals; the request can be retried.",
        [503] = "The API cannot answer right now: the database is unreachable or holds no data version yet. Retry later.",
    };

    // The probes send no ETag and cost no points, so three statuses mean something else there (docs/rest.md, Caching;
    // docs/rate-limits.md, Exempt).
    private static readonly Dictionary<int, string> ProbeTexts = new()
    {
        [304] = "Not modified: `If-None-Match: *` (a probe sends no ETag, so no other value matches). No body.",
        [412] = "`If-Match` lists entity tags, and a probe's answer has none. `If-Match: *` is answered as without it.",
        [429] = "This address sent more probes (or CORS preflights) in one second than `RateLimiting:ProbeRequestsPerSecond` "
            + "allows (10 by default): probes cost no points but are limited per address. `Retry-After` is 1.",
    };

    /// <summary>The wording of <see cref="For"/> for a health probe, where it differs.</summary>
    public static string ForProbe(int status) => ProbeTexts.TryGetValue(status, out var text) ? text : For(status);

    /// <summary>The project's wording for a status, or a generic sentence naming the class of status.</summary>
    public static string For(int status) => Texts.TryGetValue(status, out var text) ? text : status switch
    {
        >= 500 => "A server error, described by the problem body.",
        >= 400 => "A client error, described by the problem body.",
        >= 300 => "A redirect.",
        _ => "Success.",
    };

    /// <summary>Whether <paramref name="description"/> is empty or only the reason phrase the generator writes by default.</summary>
    public static bool IsGeneric(string? description, int status) =>
        string.IsNullOrWhiteSpace(description)
        || string.Equals(description, Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status), StringComparison.OrdinalIgnoreCase);
}
