using System.Text.Json.Nodes;
using DepinApi.Rest.Infrastructure;
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
    public const string RateLimitCost = "RateLimit-Cost";

    /// <summary>The file names the server gives the examples of <see cref="ContentDisposition"/>, over data version 1.</summary>
    public const string CsvFileExample = "aethir-revenue-2025Q2-v1.csv";
    public const string ChartFileExample = "aethir-revenue-quarterly_revenue-v1.svg";

    /// <summary>The headers rate limiting puts on every response it counts.</summary>
    public static readonly IReadOnlyList<string> RateLimit = [RateLimitLimit, RateLimitRemaining, RateLimitReset, RateLimitCost];

    /// <summary>New copies of every header definition, keyed by header name.</summary>
    public static Dictionary<string, IOpenApiHeader> Create() => new()
    {
        [ETag] = Header("Strong entity tag of this representation, derived from the data version and the request "
            + "(path, query, format). Send it back in `If-None-Match`; while nothing changed the answer is 304 with no body. "
            + "In `If-Match`, the answer is 412 once it changed.",
            "\"v1-3f9c2a7d1e\""),
        [CacheControl] = Header("How long clients and shared caches may reuse the response without asking: `public, max-age=N` "
            + "(N from the `Rest:MaxAgeSeconds` setting, 60 by default).", "public, max-age=60"),
        [Link] = Header("The next page's URL, when there is one (RFC 8288). Absent on the last page.",
            "<http://127.0.0.1:5080/v1/projects?limit=50&cursor=eyJhZnRlciI6ImFldGhpciJ9>; rel=\"next\""),
        [ContentDisposition] = new OpenApiHeader
        {
            Description = $"A file name describing the resource and the data version it was read from: `{FileDisposition.Attachment}` on CSV, "
                + $"with `filename*` (RFC 5987) beside `filename`; `{FileDisposition.Inline}` on a chart or preview (SVG, PNG).",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            // What the server sends for GET /v1/projects/aethir/revenue/2025Q2?format=csv and …/revenue?format=svg&metric=quarterly_revenue.
            Examples = new Dictionary<string, IOpenApiExample>
            {
                ["csv"] = new OpenApiExample { Summary = "A CSV", Value = FileDisposition.Of(FileDisposition.Attachment, CsvFileExample) },
                ["chart"] = new OpenApiExample { Summary = "A chart", Value = FileDisposition.Of(FileDisposition.Inline, ChartFileExample) },
            },
        },
        [Location] = Header("The same resource under the project's current slug.", "/v1/projects/aethir/revenue/2025Q2"),
        [RetryAfter] = Header("Seconds to wait before the budget allows another request (its balance is above zero again).", 3, JsonSchemaType.Integer),
        [RateLimitLimit] = Header("The client's burst capacity: the most points available at once. The budget refills "
            + $"continuously at its sustained rate (anonymous: 1,000 points per 60 s); {RateLimiting.PointPrices.InBrief}.", 200, JsonSchemaType.Integer),
        [RateLimitRemaining] = Header("Whole points available after this request; 0 while the balance is not above zero "
            + "(a request is admitted while it is above zero and may take it below).", 198, JsonSchemaType.Integer),
        [RateLimitReset] = Header("Seconds until the budget is full again (`RateLimit-Remaining` = `RateLimit-Limit`) if nothing more is spent.", 1, JsonSchemaType.Integer),
        [RateLimitCost] = Header("Points this request paid: its admission point, plus a large response's size charge (REST) or its query cost (GraphQL).", 1, JsonSchemaType.Integer),
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
