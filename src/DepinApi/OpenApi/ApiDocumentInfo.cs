using Microsoft.OpenApi;

namespace DepinApi.OpenApi;

/// <summary>The document's title, version and the introduction Swagger UI shows above the operations.</summary>
public static class ApiDocumentInfo
{
    /// <summary>The API's name as shown in the document and the browser tab.</summary>
    public const string Title = "DePIN Fundamentals API";

    /// <summary>The version of the REST contract (the <c>/v1</c> in every path).</summary>
    public const string Version = "1.0";

    /// <summary>What the API is and the rules every endpoint follows (CommonMark).</summary>
    public const string Description = """
        A public, **read-only** data API about decentralized physical infrastructure networks (DePIN):
        projects, quarterly revenue, settlement mix (stablecoin vs native token), token prices, network
        and sector metrics, and the sources every figure comes from. Nobody can write through it; every
        operation is a `GET`.

        **Figures and sources.** Every figure carries its `source` (publisher, title, date), its `basis`
        (`disclosed` or `estimate`), a qualifier where the source hedged ("about", "over") and the sentence
        it was quoted from. Money is decimal USD named in the field (`amountUsd`), shares are fractions 0..1,
        quarters are written `2025Q3`, dates ISO 8601.

        **History (`asOf`).** Every resource accepts `asOf`: a date `YYYY-MM-DD` (the data as served at the
        end of that UTC day) or a data version number. `GET /v1/changes` lists what each version added,
        changed or removed; `GET /v1/meta` names the current one.

        **CSV.** Every list and single figure is also available as RFC 4180 CSV with `?format=csv` or
        `Accept: text/csv`; the header row names the JSON fields (nested fields dotted, e.g. `source.publisher`).

        **Paging.** Lists take `limit` (default 50, maximum 500) and `cursor`; the next page's URL is in the
        `Link: <…>; rel="next"` header. Cursors are opaque and tamper-evident.

        **Caching.** Successful responses carry a strong `ETag` and `Cache-Control: public, max-age=…`;
        send `If-None-Match` to get `304 Not Modified`, or `If-Match` to get the representation only while it is
        unchanged (`412 Precondition Failed` otherwise). A new data version changes every ETag at once, but those of
        responses whose `asOf` pins an older version number, which never change.

        **Rate limits.** Anonymous clients are limited per IP address: a point budget that refills
        continuously (a burst capacity, then a sustained rate) plus a number of concurrent requests.
        Clients with an API key (`X-Api-Key`) get a larger budget of their own. Every rate-limited
        response carries `RateLimit-Limit`, `RateLimit-Remaining`, `RateLimit-Reset` and what it cost in
        `RateLimit-Cost`; over the limit the answer is `429` with `Retry-After`. `/healthz` and `/readyz`
        are exempt.

        **Errors.** Every 4xx and 5xx is RFC 9457 `application/problem+json` (schema `Problem`) with a stable
        `type` under `/problems/`; a bad parameter's problem names it in `parameter` and says what was
        expected in `expected`. No error ever carries a stack trace.
        """;

    /// <summary>A fresh info object for the generator (it may be mutated by filters).</summary>
    public static OpenApiInfo Create() => new()
    {
        Title = Title,
        Version = Version,
        Description = Description,
    };
}
