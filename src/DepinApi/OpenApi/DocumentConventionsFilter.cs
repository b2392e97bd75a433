using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace DepinApi.OpenApi;

/// <summary>
/// Document-wide parts: a relative server (the document is right wherever the API is hosted), the shared
/// response headers and the <c>Problem</c> schema as components, the optional API key, tag descriptions, and no leftover schema for
/// ASP.NET Core's ProblemDetails types (every error points at <c>Problem</c> instead).
/// </summary>
public sealed class DocumentConventionsFilter : IDocumentFilter
{
    /// <summary>Name of the optional API-key security scheme.</summary>
    public const string ApiKeyScheme = "ApiKey";

    private static readonly string[] ReplacedProblemSchemas = ["ProblemDetails", "HttpValidationProblemDetails"];

    public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context)
    {
        swaggerDoc.Servers = [new OpenApiServer { Url = "/", Description = "The host serving this document." }];

        swaggerDoc.Components ??= new OpenApiComponents();
        swaggerDoc.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        swaggerDoc.Components.Schemas.TryAdd(ProblemSchema.Id, ProblemSchema.Create());
        foreach (var name in ReplacedProblemSchemas)
            swaggerDoc.Components.Schemas.Remove(name);
        swaggerDoc.Components.Headers ??= new Dictionary<string, IOpenApiHeader>();
        foreach (var (name, header) in ResponseHeaders.Create())
            swaggerDoc.Components.Headers.TryAdd(name, header);

        // The key is optional: without one a client is anonymous and limited by IP address. Declaring both
        // alternatives lets Swagger UI offer "Authorize" without marking any operation as requiring a key.
        swaggerDoc.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        swaggerDoc.Components.SecuritySchemes[ApiKeyScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = "X-Api-Key",
            Description = "Optional. A configured API key gets its own, larger rate-limit budget instead of its IP address's. "
                + "`Authorization: Bearer <key>` is accepted too. A key the server does not know is a 401.",
        };
        swaggerDoc.Security =
        [
            new OpenApiSecurityRequirement(),
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyScheme, swaggerDoc)] = [] },
        ];

        DescribeTags(swaggerDoc);
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
