using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace DepinApi.OpenApi;

/// <summary>
/// Example problem bodies for an operation's error statuses, built from its own parameters so that a 400
/// example names a parameter the operation really has, a 404 example the resource it really looks up. Which request
/// each example is (its parameter and value) is chosen here; what the server answers to it is the problem recorded
/// from the running app (<see cref="ServedExamples"/>), so its title, detail and expected form are the server's own.
/// The bodies written here stand in only until that record is regenerated, and the test that records it fails meanwhile.
/// </summary>
public static class ProblemExamples
{
    private sealed record BadValue(string Value, string Expected);

    // What a malformed value of each common parameter looks like, and the form the API says it expects.
    private static readonly Dictionary<string, BadValue> BadValues = new(StringComparer.OrdinalIgnoreCase)
    {
        ["quarter"] = new("2025Q5", "a quarter YYYYQn with n from 1 to 4"),
        ["from"] = new("2025Q5", "a quarter YYYYQn with n from 1 to 4"),
        ["to"] = new("2025-13", "a quarter YYYYQn with n from 1 to 4"),
        ["limit"] = new("501", "a whole number from 1 to 500"),
        ["format"] = new("xml", "json or csv"),
        ["asOf"] = new("yesterday", "a data version number or a date YYYY-MM-DD"),
        ["units"] = new("log", "lin, chg, pch or pc1"),
        ["metric"] = new("revenu", "one of the metrics in the data, e.g. quarterly_revenue"),
        ["date"] = new("2026-02-30", "a date YYYY-MM-DD"),
    };

    // Daily series (token prices) take dates in from and to.
    private static readonly Dictionary<string, BadValue> DailyBadValues = new(StringComparer.OrdinalIgnoreCase)
    {
        ["from"] = new("2026-02-30", "a date YYYY-MM-DD"),
        ["to"] = new("2026-13-01", "a date YYYY-MM-DD"),
    };

    /// <summary>Named examples for <paramref name="status"/> on <paramref name="operation"/> (at least one).</summary>
    public static IDictionary<string, IOpenApiExample> For(int status, OpenApiOperation operation, string path)
    {
        var parameters = (operation.Parameters ?? []).Where(p => p.Name is not null).ToList();
        var daily = path.Contains("token-prices", StringComparison.OrdinalIgnoreCase);
        var examples = status switch
        {
            400 => BadRequest(parameters, daily),
            404 => NotFound(parameters),
            401 => [Example("invalid-api-key", "An API key this server does not accept",
                Problem("invalid-api-key", "The API key is not valid.", 401,
                    "The key in the X-Api-Key header is not one this server accepts. "
                    + "Send no key to use the anonymous rate limit, or ask for a key.")
                    .With("parameter", "X-Api-Key"))],
            429 when DocumentedPaths.IsHealth(path) => [Example(RateLimiting.RefusalLimits.ProbeRequestsPerSecond, "Too many probes from one address in a second",
                Problem(RateLimiting.RateLimitRejection.ProblemType, "Too many requests.", 429,
                        RateLimiting.ProbeAllowance.Detail("203.0.113.7", new RateLimiting.RateLimitingOptions().ProbeRequestsPerSecond))
                    .With("limit", RateLimiting.RefusalLimits.ProbeRequestsPerSecond).With("retryAfterSeconds", 1))],
            429 => [Example(RateLimiting.RefusalLimits.PointsPerWindow, "The budget of the window is spent",
                        Problem("rate-limited", "Too many requests.", 429,
                            "Client 203.0.113.7 has spent its budget (1000 points per 60 s, refilled continuously, at most 200 "
                            + $"available at once; {RateLimiting.PointPrices.InBrief}). Requests are "
                            + "admitted again once the balance is above zero, at 2026-06-01T09:30:19Z (in 1 s); the whole 200 "
                            + "points are back at 2026-06-01T09:30:30Z (in 12 s).")
                        .With("limit", RateLimiting.RefusalLimits.PointsPerWindow).With("resetAt", "2026-06-01T09:30:30Z").With("retryAfterSeconds", 1)),
                    Example(RateLimiting.RefusalLimits.ConcurrentRequests, "Too many requests in flight at once",
                        Problem("rate-limited", "Too many requests.", 429,
                            "Client 203.0.113.7 already has 8 requests in flight, the most allowed at once; retry when one of them has finished.")
                        .With("limit", RateLimiting.RefusalLimits.ConcurrentRequests).With("retryAfterSeconds", 1))],
            503 => [Example(Errors.NoDataProblem.ProblemType, "Nothing imported yet", Problem(Errors.NoDataProblem.ProblemType, Errors.NoDataProblem.Title, 503,
                        Errors.NoDataProblem.Detail)),
                    Example("database-unavailable", "Database unavailable", Problem(Errors.DatabaseUnavailableHandler.ProblemType, Errors.DatabaseUnavailableHandler.Title, 503,
                        "The service could not get an answer from its database in time. Try again shortly."))],
            406 => [Example("not-acceptable", "Accept takes images only and the query has no chart",
                Problem("not-acceptable", "No acceptable representation.", 406,
                        "The Accept header (image/*) accepts only images, and this query has no chart. The parameter 'limit' is '1'; "
                        + "expected no limit or cursor with format=svg or png: a chart draws the whole series; narrow it with the filters. "
                        + "It can be had as application/json or text/csv.")
                    .With("path", path).With("parameter", "limit").With("available", new JsonArray("application/json", "text/csv")))],
            412 => [Example(Errors.PreconditionFailed.ProblemType, "If-Match names no current ETag",
                Problem(Errors.PreconditionFailed.ProblemType, Errors.PreconditionFailed.Title, 412, Errors.PreconditionFailed.Detail(path))
                    .With("path", path))],
            500 => [Example("internal", "Unexpected error", Problem(Errors.UnexpectedError.ProblemType, Errors.UnexpectedError.Title, 500,
                Errors.UnexpectedError.Detail))],
            _ => [Example("error", ResponseTexts.For(status), Problem("error", ResponseTexts.For(status), status, ResponseTexts.For(status)))],
        };
        foreach (var (name, example) in examples)
            if (ServedExamples.Problem(path, status, name) is { } served)
                example.Value = served;
        return examples.ToDictionary(e => e.Name, e => (IOpenApiExample)e.Example);
    }

    private static List<(string Name, OpenApiExample Example)> BadRequest(List<IOpenApiParameter> parameters, bool daily)
    {
        var result = new List<(string, OpenApiExample)>();
        foreach (var parameter in parameters.Where(p => p.In == ParameterLocation.Query || p.Name == "quarter"))
        {
            var name = parameter.Name!;
            if (name == "cursor")
            {
                result.Add(Example("cursor", "A modified cursor", Problem("invalid-cursor", "The cursor is not valid.", 400,
                        "The parameter 'cursor' is 'eyJhZnRlciI6ImFldGhpciJ9x'; expected a cursor returned by the previous page, unmodified.")
                    .With("parameter", "cursor").With("expected", "a cursor returned by the previous page, unmodified")
                    .With("value", "eyJhZnRlciI6ImFldGhpciJ9x")));
                continue;
            }
            if (!(daily && DailyBadValues.TryGetValue(name, out var bad)) && !BadValues.TryGetValue(name, out bad))
                continue;
            result.Add(Example(name, $"A malformed '{name}'", Problem("invalid-parameter", $"The parameter '{name}' is not valid.", 400,
                    $"The parameter '{name}' is '{bad.Value}'; expected {bad.Expected}.")
                .With("parameter", name).With("expected", bad.Expected).With("value", bad.Value)));
        }
        if (result.Count == 0)
            result.Add(Example("invalid-parameter", "A malformed parameter", Problem("invalid-parameter", "The parameter 'format' is not valid.", 400,
                    "The parameter 'format' is 'xml'; expected json or csv.")
                .With("parameter", "format").With("expected", "json or csv").With("value", "xml")));
        return result;
    }

    private static List<(string Name, OpenApiExample Example)> NotFound(List<IOpenApiParameter> parameters)
    {
        var result = new List<(string, OpenApiExample)>();
        if (parameters.Any(p => p.Name == "slug"))
            result.Add(Example("project-not-found", "Unknown slug", Problem("project-not-found", "No such project.", 404,
                    "No project has the slug 'aethr'. Did you mean 'aethir'? GET /v1/projects lists them.")
                .With("parameter", "slug").With("value", "aethr").With("suggestion", "aethir")));
        if (parameters.Any(p => p.Name == "asOf"))
            result.Add(Example("data-version-not-found", "asOf names no data version", Problem("data-version-not-found", "No data version matches asOf.", 404,
                    "There is no data version 9; versions 1 to 3 exist.")
                .With("parameter", "asOf").With("value", "9")));
        if (result.Count == 0)
            result.Add(Example("not-found", "No such resource", Problem("not-found", "No such resource.", 404,
                "Nothing is published at this URL.")));
        return result;
    }

    private static (string Name, OpenApiExample Example) Example(string name, string summary, JsonObject value) =>
        (name, new OpenApiExample { Summary = summary, Value = value });

    private static JsonObject Problem(string type, string title, int status, string detail) => new()
    {
        ["type"] = "/problems/" + type,
        ["title"] = title,
        ["status"] = status,
        ["detail"] = detail,
    };

    private static JsonObject With(this JsonObject problem, string name, JsonNode? value)
    {
        problem[name] = value;
        return problem;
    }
}
