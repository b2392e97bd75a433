using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DepinApi.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Swashbuckle.AspNetCore.Swagger;
using static DepinApi.Tests.OpenApi.DocumentWalk;

namespace DepinApi.Tests.OpenApi;

/// <summary>
/// The document is complete: every operation, parameter and response is described and has an example,
/// every error is problem+json, CSV and the pipeline's headers are declared, and every /v1 endpoint the app
/// maps is in it. Failures name the operation and what to add (see docs/openapi.md).
/// </summary>
public partial class OpenApiLintTests(ServedDocumentFixture served) : IClassFixture<ServedDocumentFixture>
{
    private IEnumerable<Operation> Operations => DocumentWalk.Operations(served.Document);

    [Fact]
    public void The_document_introduces_the_api()
    {
        var info = served.Document["info"]!;
        Assert.Equal(ApiDocumentInfo.Title, Text(info, "title"));
        Assert.Equal(ApiDocumentInfo.Version, Text(info, "version"));
        foreach (var topic in new[] { "read-only", "asOf", "CSV", "Rate limits", "problem+json", "ETag" })
            Assert.Contains(topic, Text(info, "description"));
    }

    [Fact]
    public void Every_operation_has_an_id_a_summary_a_description_and_a_tag()
    {
        var failures = new List<string>();
        var ids = new HashSet<string>();
        foreach (var operation in Operations)
        {
            if (Text(operation.Node, "operationId") is not { } id)
                failures.Add($"{operation.Label}: no operationId — add .WithName(\"VerbNoun\")");
            else if (!ids.Add(id))
                failures.Add($"{operation.Label}: operationId '{id}' is used twice");
            if (Text(operation.Node, "summary") is null)
                failures.Add($"{operation.Label}: no summary — add .WithSummary(\"…\")");
            if (Text(operation.Node, "description") is null)
                failures.Add($"{operation.Label}: no description — add .WithDescription(\"…\")");
            if (operation.Node["tags"] is not JsonArray { Count: > 0 })
                failures.Add($"{operation.Label}: no tag — add .WithTags(\"…\") to the endpoint or its group");
        }
        AssertNone(failures);
    }

    [Fact]
    public void Every_parameter_has_a_description_and_an_example()
    {
        var failures = new List<string>();
        foreach (var operation in Operations)
            foreach (var parameter in operation.Parameters)
            {
                var name = Text(parameter, "name");
                if (Text(parameter, "description") is null)
                    failures.Add($"{operation.Label}: parameter '{name}' has no description — add [Description(\"…\")] to it");
                if (name == "cursor")
                {
                    // Signed per server and per query: any example would be a 400 (ServedExamplesTests' reason to exist).
                    if (HasExample(parameter))
                        failures.Add($"{operation.Label}: parameter 'cursor' has an example, which no server accepts — a cursor is only ever one a server sent");
                    continue;
                }
                if (!HasExample(parameter))
                    failures.Add($"{operation.Label}: parameter '{name}' has no example — add [OpenApiExample(\"…\")] to it");
            }
        AssertNone(failures);
    }

    [Fact]
    public void Every_path_parameter_is_declared_and_required()
    {
        var failures = new List<string>();
        foreach (var operation in Operations)
            foreach (Match match in PathParameter().Matches(operation.Path))
            {
                var name = match.Groups[1].Value;
                var parameter = operation.Parameters.FirstOrDefault(p => Text(p, "name") == name && Text(p, "in") == "path");
                if (parameter is null)
                    failures.Add($"{operation.Label}: path parameter '{name}' is not declared");
                else if (parameter["required"]?.GetValue<bool>() != true)
                    failures.Add($"{operation.Label}: path parameter '{name}' is not required");
            }
        AssertNone(failures);
    }

    [Fact]
    public void Every_response_is_described_and_every_body_has_an_example()
    {
        var failures = new List<string>();
        var generated = served.Factory.Services.GetRequiredService<ISwaggerProvider>().GetSwagger(ApiDocs.DocumentName);
        foreach (var operation in Operations)
            foreach (var (status, response) in operation.Responses)
            {
                var description = Text(response, "description");
                if (description is null || description == Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(int.Parse(status)))
                    failures.Add($"{operation.Label}: response {status} has no description of its own");
                foreach (var (mediaType, content) in response["content"] as JsonObject ?? [])
                    if (content is not JsonObject media || !HasExample(media))
                        failures.Add($"{operation.Label}: response {status} {mediaType} has no example — " + (mediaType == CsvContentFilter.MediaType
                            ? "it is derived from the JSON example (fix that first), or put [OpenApiCsvExample] on the response type"
                            : MissingExampleHint(generated, operation, status, mediaType)));
            }
        AssertNone(failures);
    }

    [Fact]
    public void Every_error_response_is_problem_json()
    {
        var failures = new List<string>();
        foreach (var operation in Operations)
            foreach (var (status, response) in operation.Responses.Where(r => r.Status[0] is '4' or '5'))
            {
                var content = response["content"] as JsonObject ?? [];
                if (content.Count != 1 || content[ProblemSchema.MediaType]?["schema"]?["$ref"]?.GetValue<string>() != "#/components/schemas/Problem")
                    failures.Add($"{operation.Label}: response {status} is not application/problem+json with the Problem schema");
            }
        AssertNone(failures);
    }

    [Fact]
    public void The_problem_schema_has_the_rfc_9457_members_and_the_parameter_extensions()
    {
        var properties = served.Document["components"]!["schemas"]!["Problem"]!["properties"]!.AsObject();
        foreach (var member in new[] { "type", "title", "status", "detail", "instance", "parameter", "expected" })
            Assert.True(properties.ContainsKey(member), $"Problem has no '{member}'");
    }

    [Fact]
    public void Api_operations_declare_caching_rate_limit_and_csv_where_they_apply()
    {
        var failures = new List<string>();
        foreach (var operation in Operations)
        {
            var api = DocumentedPaths.IsApi(operation.Path);
            foreach (var (status, response) in operation.Responses)
            {
                var headers = response["headers"] as JsonObject ?? [];
                var expected = new List<string>();
                if (api && status is "200" or "304")
                    expected.AddRange([ResponseHeaders.ETag, ResponseHeaders.CacheControl]);
                if (api)
                    expected.AddRange(ResponseHeaders.RateLimit);
                if (status == "200" && operation.HasParameter("cursor"))
                    expected.Add(ResponseHeaders.Link);
                if (status == "429")
                    expected.Add(ResponseHeaders.RetryAfter);
                foreach (var header in expected.Where(h => !headers.ContainsKey(h)))
                    failures.Add($"{operation.Label}: response {status} does not declare the {header} header");
            }
            if (api && !operation.Responses.Any(r => r.Status == "429"))
                failures.Add($"{operation.Label}: no 429 response");
            if (operation.HasParameter("format") && operation.Node["responses"]?["200"]?["content"]?[CsvContentFilter.MediaType] is null)
                failures.Add($"{operation.Label}: takes 'format' but its 200 does not offer text/csv");
        }
        AssertNone(failures);
    }

    [Fact]
    public void Every_mapped_v1_and_health_endpoint_is_in_the_document()
    {
        var documented = Operations.Select(o => $"{o.Method.ToUpperInvariant()} {o.Path}").ToHashSet();
        var missing = new List<string>();
        foreach (var source in served.Factory.Services.GetServices<EndpointDataSource>())
            foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
            {
                var path = "/" + string.Join('/', endpoint.RoutePattern.PathSegments.Select(Segment));
                // Excluded from the description is no exception: the document promises every endpoint under these paths.
                if (!DocumentedPaths.Includes(path))
                    continue;
                foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])
                    if (method != "HEAD" && !documented.Contains($"{method} {path}"))
                        missing.Add($"{method} {path}");
            }
        AssertNone(missing.Distinct().Select(m => $"{m}: mapped but not in the document").ToList());
        Assert.Contains("GET /healthz", documented);
        Assert.Contains("GET /v1", documented);
    }

    private static string Segment(Microsoft.AspNetCore.Routing.Patterns.RoutePatternPathSegment segment) =>
        string.Concat(segment.Parts.Select(part => part switch
        {
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart parameter => "{" + parameter.Name + "}",
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternSeparatorPart separator => separator.Content,
            _ => "",
        }));

    // Names the leaves of the body's schema that have no example, so the fix is obvious.
    private static string MissingExampleHint(Microsoft.OpenApi.OpenApiDocument document, Operation operation, string status, string mediaType)
    {
        var method = new HttpMethod(operation.Method.ToUpperInvariant());
        var schema = document.Paths.TryGetValue(operation.Path, out var item) && item.Operations?.TryGetValue(method, out var op) == true
            && op.Responses?.TryGetValue(status, out var response) == true && response.Content?.TryGetValue(mediaType, out var media) == true
            ? media.Schema : null;
        if (schema is null)
            return "declare the response type";
        var missing = new List<string>();
        ExampleComposer.Compose(schema, document.Components?.Schemas ?? new Dictionary<string, Microsoft.OpenApi.IOpenApiSchema>(), missing);
        return missing.Count == 0
            ? "give the response type a static Example"
            : "give the response type a static Example, or [OpenApiExample] to these fields: " + string.Join(", ", missing);
    }

    private static void AssertNone(List<string> failures) =>
        Assert.True(failures.Count == 0, $"{failures.Count} problem(s) in the OpenAPI document (see docs/openapi.md):\n  " + string.Join("\n  ", failures));

    [GeneratedRegex(@"\{([^}:]+)[^}]*\}")]
    private static partial Regex PathParameter();
}
