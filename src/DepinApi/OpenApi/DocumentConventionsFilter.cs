using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace DepinApi.OpenApi;

/// <summary>
/// Document-wide parts: a relative server (the document is right wherever the API is hosted), the shared
/// response headers and the <c>Problem</c> schema as components, tag descriptions, and no leftover schema for
/// ASP.NET Core's ProblemDetails types (every error points at <c>Problem</c> instead).
/// </summary>
public sealed class DocumentConventionsFilter : IDocumentFilter
{
    private static readonly string[] ReplacedProblemSchemas = ["ProblemDetails", "HttpValidationProblemDetails"];

    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        document.Servers = [new OpenApiServer { Url = "/", Description = "The host serving this document." }];

        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas.TryAdd(ProblemSchema.Id, ProblemSchema.Create());
        foreach (var name in ReplacedProblemSchemas)
            document.Components.Schemas.Remove(name);
        document.Components.Headers ??= new Dictionary<string, IOpenApiHeader>();
        foreach (var (name, header) in ResponseHeaders.Create())
            document.Components.Headers.TryAdd(name, header);

        DescribeTags(document);
    }

    private static void DescribeTags(OpenApiDocument document)
    {
        var used = document.Paths.Values
            .SelectMany(p => p.Operations?.Values.AsEnumerable() ?? [])
            .SelectMany(o => o.Tags ?? new HashSet<OpenApiTagReference>())
            .Select(t => t.Reference?.Id ?? t.Name)
            .Where(n => n is not null)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        document.Tags ??= new HashSet<OpenApiTag>();
        foreach (var name in used)
        {
            var tag = document.Tags.FirstOrDefault(t => t.Name == name);
            if (tag is null)
            {
                tag = new OpenApiTag { Name = name };
                document.Tags.Add(tag);
            }
            tag.Description ??= TagDescriptions.For(name!);
        }
    }
}
