using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace DepinApi.OpenApi;

/// <summary>
/// The <c>Problem</c> component: RFC 9457 problem details as <see cref="Errors.Problems"/> writes them, with the
/// project's extension members for bad parameters (<c>parameter</c>, <c>expected</c>, <c>value</c> or <c>values</c>), unknown
/// slugs (<c>suggestion</c>) and rate limits (<c>limit</c>, <c>resetAt</c>, <c>retryAfterSeconds</c>). Other extension
/// members may appear (e.g. <c>quartersWithFigures</c>), so additional properties are allowed.
/// </summary>
public static class ProblemSchema
{
    /// <summary>The component's name under <c>#/components/schemas</c>.</summary>
    public const string Id = "Problem";

    /// <summary>The media type of every error response.</summary>
    public const string MediaType = "application/problem+json";

    /// <summary>A new copy of the component schema.</summary>
    public static OpenApiSchema Create() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "RFC 9457 problem details. `type` is stable and documented in docs/errors.md; branch on it, not on `title` or `detail`.",
        Required = new HashSet<string> { "type", "title", "status" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = Text("A relative URI under `/problems/` naming the kind of problem; it never changes meaning.", "uri-reference"),
            ["title"] = Text("A short summary of the kind of problem, the same for every occurrence."),
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Description = "The HTTP status code, repeated for convenience." },
            ["detail"] = Text("What went wrong with this request, in words a person can act on."),
            ["instance"] = Text("The request path this problem occurred on, when given.", "uri-reference"),
            ["parameter"] = Text("For a bad or unknown parameter (or slug): the parameter's name as the client wrote it (cut after 4,000 characters, as `detail` is)."),
            ["expected"] = Text("For a bad parameter: the accepted form, e.g. `a whole number from 1 to 500`."),
            ["value"] = Nullable("For a bad parameter: the value received (cut after 4,000 characters, as `detail` is); null when it was missing. Absent when the parameter was given more than once: `values` has each."),
            ["values"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Array,
                Items = Text("One value, as sent."),
                Description = "For a parameter given more than once (`?limit=5&limit=5`): each value as sent, in order, in place of `value`.",
            },
            ["suggestion"] = Nullable("For an unknown slug or parameter: the nearest known one, or null when none is close. For a value outside its parameter's list (`metric`, `sector` …): the nearest value, present only when one is close."),
            ["limit"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Enum = [.. RateLimiting.RefusalLimits.All.Select(l => (JsonNode)l.Name)],
                Description = "For a 429: which limit was hit. "
                    + string.Join("; ", RateLimiting.RefusalLimits.All.Select(l => $"`{l.Name}` when {l.WhenSent}")) + ".",
            },
            ["resetAt"] = Text("For a 429 on the points limit: when the window ends and the whole budget is available again.", "date-time"),
            ["retryAfterSeconds"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64", Description = "For a 429: the `Retry-After` value, in seconds." },
        },
        AdditionalPropertiesAllowed = true,
        // An answer the server gave, as recorded for the operations' own examples, so its wording cannot drift from it.
        Examples = [ServedExamples.Problem(ExamplePath, StatusCodes.Status400BadRequest, ExampleParameter) ?? StandIn],
    };

    // The request of the example: a malformed quarter on the revenue of all projects (ProblemExamples chooses the value).
    private const string ExamplePath = "/v1/revenue";
    private const string ExampleParameter = "quarter";

    // Until the record holds that answer; the test that records it fails meanwhile.
    private static JsonObject StandIn => new()
    {
        ["type"] = "/problems/invalid-parameter",
        ["title"] = "The parameter 'quarter' is not valid.",
        ["status"] = 400,
        ["parameter"] = ExampleParameter,
    };

    private static OpenApiSchema Text(string description, string? format = null) =>
        new() { Type = JsonSchemaType.String, Format = format, Description = description };

    private static OpenApiSchema Nullable(string description) =>
        new() { Type = JsonSchemaType.String | JsonSchemaType.Null, Description = description };
}
