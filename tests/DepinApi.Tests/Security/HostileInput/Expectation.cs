using System.Net.Http.Headers;
using System.Text.Json;

namespace DepinApi.Tests.Security.HostileInput;

/// <summary>
/// What an answer to a hostile request must look like. <see cref="Check"/> returns why an answer falls short, or null.
/// Every expectation refuses a 5xx and any body that shows the server's insides (a stack trace, a driver's message).
/// </summary>
public sealed class Expectation
{
    private readonly Func<int, string?, string, string?> check;

    private Expectation(string description, Func<int, string?, string, string?> check)
    {
        Description = description;
        this.check = check;
    }

    public string Description { get; }

    public string? Check(int status, MediaTypeHeaderValue? contentType, string body)
    {
        if (status >= 500) return $"a {status}";
        if (LeakedInternals(body) is { } leak) return "the body shows the server's insides: " + leak;
        return check(status, contentType?.MediaType, body);
    }

    /// <summary>A 4xx <c>application/problem+json</c> naming the problem; <paramref name="status"/> and <paramref name="type"/> when given.</summary>
    public static Expectation Problem(int? status = null, string? type = null) =>
        new($"a {status?.ToString() ?? "4xx"} problem{(type is null ? "" : " " + type)}", (code, media, body) =>
            code is < 400 or >= 500 ? $"a {code}, not a 4xx"
            : status is { } s && code != s ? $"a {code}, not a {s}"
            : ProblemFault(code, media, body, type));

    /// <summary>A success (a free-text parameter may match nothing), or else a proper problem.</summary>
    public static Expectation SuccessOrProblem() =>
        new("a 2xx or a 4xx problem", (code, media, body) =>
            code is >= 200 and < 300 ? null
            : code is < 400 ? $"a {code}"
            : ProblemFault(code, media, body, null));

    /// <summary>
    /// A GraphQL-over-HTTP error: a 4xx (<paramref name="status"/> when given) or a 200, with a non-empty <c>errors</c>
    /// array; an error with <paramref name="code"/> in its extensions, or a message containing <paramref name="message"/>.
    /// </summary>
    public static Expectation GraphQLError(int? status = null, string? code = null, string? message = null) =>
        new($"a GraphQL error{(code is null ? "" : " " + code)}{(message is null ? "" : $" saying '{message}'")}", (httpStatus, media, body) =>
        {
            if (httpStatus is not (200 or (>= 400 and < 500))) return $"a {httpStatus}, neither 200 nor 4xx";
            if (status is { } s && httpStatus != s) return $"a {httpStatus}, not a {s}";
            if (GraphQLBody(media, body, out var root) is { } fault) return fault;
            if (MaskedFault(root) is { } masked) return masked;
            if (!root.TryGetProperty("errors", out var errors) || errors.ValueKind != JsonValueKind.Array || errors.GetArrayLength() == 0)
                return "no errors array";
            foreach (var error in errors.EnumerateArray())
                if (!error.TryGetProperty("message", out var m) || m.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(m.GetString()))
                    return "an error without a message";
            if (code is not null && !errors.EnumerateArray().Any(e => ErrorCode(e) == code)) return $"no error with code {code}";
            if (message is not null && !errors.EnumerateArray().Any(e => e.GetProperty("message").GetString()!.Contains(message, StringComparison.Ordinal)))
                return $"no error saying '{message}'";
            return null;
        });

    /// <summary>
    /// A document a client may legitimately send (a free-text argument, a mutated document that still parses): a
    /// GraphQL response, with errors or with data, whose data passes <paramref name="data"/> when given.
    /// </summary>
    public static Expectation GraphQLResponse(Func<JsonElement, string?>? data = null) =>
        new("a GraphQL response", (httpStatus, media, body) =>
        {
            if (httpStatus is not (200 or (>= 400 and < 500))) return $"a {httpStatus}, neither 200 nor 4xx";
            if (GraphQLBody(media, body, out var root) is { } fault) return fault;
            if (MaskedFault(root) is { } masked) return masked;
            var hasErrors = root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0;
            var hasData = root.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object;
            if (!hasErrors && !hasData) return "neither data nor errors";
            if (httpStatus != 200 && !hasErrors) return $"a {httpStatus} without errors";
            return hasData && data is not null ? data(d) : null;
        });

    /// <summary>
    /// A refusal whose body is empty by design: Kestrel's own 400, 408, 413, 414 and 431 (given before the application
    /// sees the request), and the GraphQL endpoint's 406 (the client accepts no media type it could answer in).
    /// </summary>
    public static Expectation Status(params int[] statuses) =>
        new($"a {string.Join(" or ", statuses)}", (code, _, _) =>
            statuses.Contains(code) ? null : $"a {code}, not {string.Join(" or ", statuses)}");

    /// <summary>
    /// Kestrel's own refusal of a request it could not parse (request line, headers, framing, limits): written by
    /// the server before any middleware runs, so with the status alone and an empty body; no API code can add one.
    /// </summary>
    public static Expectation ServerRefusal(int status) =>
        new($"Kestrel's own empty {status}", (code, _, body) =>
            code != status ? $"a {code}, not {status}"
            : body.Length != 0 ? "a body, though Kestrel answers before the application (update docs/errors.md if it no longer does)"
            : null);

    private static string? ProblemFault(int status, string? media, string body, string? type)
    {
        if (media != "application/problem+json") return $"content type {media ?? "(none)"}, not application/problem+json";
        JsonElement problem;
        try { problem = JsonDocument.Parse(body).RootElement; }
        catch (JsonException) { return "a problem body that is not JSON"; }
        if (problem.ValueKind != JsonValueKind.Object) return "a problem body that is not an object";
        if (!NonEmptyString(problem, "type", out var problemType)) return "a problem without a type";
        if (!NonEmptyString(problem, "title", out _)) return "a problem without a title";
        if (!problem.TryGetProperty("status", out var s) || s.ValueKind != JsonValueKind.Number || s.GetInt32() != status)
            return "a problem whose status is not the response's";
        // The project's own problem types say what went wrong in a detail, too.
        if (problemType!.StartsWith("/problems/", StringComparison.Ordinal) && !NonEmptyString(problem, "detail", out _))
            return "a problem without a detail";
        if (type is not null && problemType != "/problems/" + type) return $"problem type {problemType}, not /problems/{type}";
        return null;
    }

    private static string? GraphQLBody(string? media, string body, out JsonElement root)
    {
        root = default;
        if (media is not ("application/json" or "application/graphql-response+json")) return $"content type {media ?? "(none)"}";
        try { root = JsonDocument.Parse(body).RootElement; }
        catch (JsonException) { return "a body that is not JSON"; }
        return root.ValueKind == JsonValueKind.Object ? null : "a body that is not a JSON object";
    }

    // A resolver's exception is masked as "Unexpected error.": the GraphQL form of a 500.
    private static string? MaskedFault(JsonElement root) =>
        root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array
        && errors.EnumerateArray().Any(e => e.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String
                                            && m.GetString() == GraphQLEngine.Execution.ExecutionOptions.UnexpectedErrorMessage)
            ? "an unexpected (internal) error"
            : null;

    private static string? ErrorCode(JsonElement error) =>
        error.TryGetProperty("extensions", out var extensions) && extensions.ValueKind == JsonValueKind.Object
        && extensions.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String ? code.GetString() : null;

    private static bool NonEmptyString(JsonElement element, string name, out string? value)
    {
        value = element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        return !string.IsNullOrWhiteSpace(value);
    }

    private static readonly string[] Internals = ["   at ", "Exception:", "Npgsql", "SqlState", "System."];

    private static string? LeakedInternals(string body) => Internals.FirstOrDefault(marker => body.Contains(marker, StringComparison.Ordinal));
}
