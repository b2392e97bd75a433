using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace DepinApi.OpenApi;

/// <summary>
/// The response headers the pipeline adds, declared once under <c>#/components/headers</c> and referenced
/// from each response that carries them.
/// </summary>
public static class ResponseHeaders
{
    public const string ETag = "ETag";
    public const string CacheControl = "Cache-Control";
    public const string Link = "Link";
    public const string ContentDisposition = "Content-Disposition";
    public const string Location = "Location";
    public const string RetryAfter = "Retry-After";
    public const string RateLimitLimit = "RateLimit-Limit";
    public const string RateLimitRemaining = "RateLimit-Remaining";
    public const string RateLimitReset = "RateLimit-Reset";

    /// <summary>The headers rate limiting puts on every response it counts.</summary>
    public static readonly IReadOnlyList<string> RateLimit = [RateLimitLimit, RateLimitRemaining, RateLimitReset];

    /// <summary>New copies of every header definition, keyed by header name.</summary>
    public static Dictionary<string, IOpenApiHeader> Create() => new()
    {
        [ETag] = Header("Strong entity tag of this representation, derived from the data version and the request "
            + "(path, query, format). Send it back in `If-None-Match`; while nothing changed the answer is 304 with no body.",
            "\"v1-3f9c2a7d1e\""),
        [CacheControl] = Header("How long clients and shared caches may reuse the response without asking: `public, max-age=N` "
            + "(N from the `Rest:MaxAgeSeconds` setting, 60 by default).", "public, max-age=60"),
        [Link] = Header("The next page's URL, when there is one (RFC 8288). Absent on the last page.",
            "<http://127.0.0.1:5080/v1/projects?limit=50&cursor=eyJhZnRlciI6ImFldGhpciJ9>; rel=\"next\""),
        [ContentDisposition] = Header("For CSV only: `attachment` with a file name describing the resource.",
            "attachment; filename=aethir-revenue-2025Q2.csv"),
        [Location] = Header("The same resource under the project's current slug.", "/v1/projects/aethir/revenue/2025Q2"),
        [RetryAfter] = Header("Seconds to wait before the budget allows another request.", 42, JsonSchemaType.Integer),
        [RateLimitLimit] = Header("The client's budget: points per window (a REST request costs 1 point).", 1000, JsonSchemaType.Integer),
        [RateLimitRemaining] = Header("Points left in the current window, after this request.", 998, JsonSchemaType.Integer),
        [RateLimitReset] = Header("Seconds until the current window ends and the whole budget is available again.", 42, JsonSchemaType.Integer),
    };

    /// <summary>A reference to the header definition <paramref name="name"/>, for a response's headers.</summary>
    public static IOpenApiHeader Reference(string name, OpenApiDocument document) => new OpenApiHeaderReference(name, document);

    private static OpenApiHeader Header(string description, JsonNode example, JsonSchemaType type = JsonSchemaType.String) => new()
    {
        Description = description,
        Schema = new OpenApiSchema { Type = type },
        Example = example,
    };
}
