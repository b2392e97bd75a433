using DepinApi.Rest.Infrastructure;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace DepinApi.OpenApi;

/// <summary>
/// Declares text/html as a body of a 200 where the endpoint serves a page (<see cref="ServedPage"/>): a client reading
/// the document learns that the URL it pastes into an article opens as a page, and that JSON needs no Accept header.
/// </summary>
public sealed class PageContentFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (!context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<ServedPage>().Any()
            || operation.Responses?.TryGetValue("200", out var ok) != true || ok is not OpenApiResponse response)
            return;
        response.Content ??= new Dictionary<string, IOpenApiMediaType>();
        response.Content[ContentNegotiation.HtmlMediaType] = new OpenApiMediaType
        {
            Schema = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = "A page for people, rendered on the server (docs/pages.md), for an Accept header that prefers text/html "
                              + "to every other format the resource offers, as browsers send; never selected by `format`. "
                              + "Same data, data version and parameters as the JSON.",
            },
            Example = System.Text.Json.Nodes.JsonValue.Create(
                ServedExamples.Body(DocumentedPaths.Normalize(context.ApiDescription.RelativePath), ContentNegotiation.HtmlMediaType) ?? HtmlExample),
        };
        if (response.Description is { } description && !description.Contains("page", StringComparison.Ordinal))
            response.Description = description.TrimEnd() + " A browser (`Accept: text/html`) gets it as a page.";
    }

    // Stands in until the page this endpoint serves is recorded (ServedExamples); the test that records it fails meanwhile.
    private const string HtmlExample = "<!DOCTYPE html><html lang=\"en\"><head><title>Aethir revenue, Q2 2025: $32.7 million</title>…</head>"
                                       + "<body>…<p class=\"figure\" id=\"reading\">$32.7 million, Q2 2025, disclosed</p>…</body></html>";
}
