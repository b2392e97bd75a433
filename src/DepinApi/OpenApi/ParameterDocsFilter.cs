using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json.Nodes;
using DepinApi.Rest;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace DepinApi.OpenApi;

/// <summary>
/// Gives every parameter a description and an example: from <c>[Description]</c> and
/// <see cref="OpenApiExampleAttribute"/> on the handler parameter (or <c>[AsParameters]</c> property), else from
/// <see cref="StandardParameters"/>. Path parameters are marked required, as OpenAPI demands.
/// </summary>
public sealed class ParameterDocsFilter(IOptions<RestOptions> rest) : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (operation.Parameters is null)
            return;
        var route = DocumentedPaths.Normalize(context.ApiDescription.RelativePath);
        foreach (var parameter in operation.Parameters.OfType<OpenApiParameter>())
        {
            var info = FindParameterInfo(context.ApiDescription, parameter.Name);
            var standard = parameter.Name is null ? null : StandardParameters.Find(parameter.Name, rest.Value);
            var description = info?.GetCustomAttribute<DescriptionAttribute>()?.Description;
            parameter.Description = description ?? NonEmpty(parameter.Description) ?? standard?.Description;
            // Minimal APIs bind a missing query parameter as null and the handler answers the 400 itself, so [Required]
            // is what tells the document (and so Swagger UI and generated clients) that it must be sent.
            if (parameter.In == ParameterLocation.Path || info?.GetCustomAttribute<RequiredAttribute>() is not null)
                parameter.Required = true;
            var example = info?.GetCustomAttribute<OpenApiExampleAttribute>()?.Value ?? standard?.Example(route);
            if (example is not null && parameter.Example is null && parameter.Examples is not { Count: > 0 })
                SetExample(parameter, ExampleValues.Convert(example, parameter.Schema));
            // The generator copies [Description] onto the parameter's schema too; once is enough.
            if (parameter.Schema is OpenApiSchema schema && schema.Description == parameter.Description)
                schema.Description = null;
        }
    }

    /// <summary>
    /// A required parameter's example is its <c>example</c>. An optional one's is the second of two named examples
    /// after one without a value: Swagger UI's "Try it out" fills a field with a parameter's <c>example</c> (or its
    /// first named example), so an optional example there would be sent as if the person had chosen it (a cursor
    /// from another list, <c>format=csv</c>, a date before the data). This way the field starts empty, the request
    /// is the plainest one, and the example is one click away in the field's example list.
    /// </summary>
    private static void SetExample(OpenApiParameter parameter, JsonNode value)
    {
        if (parameter.Required)
        {
            parameter.Example = value;
            return;
        }
        parameter.Examples = new Dictionary<string, IOpenApiExample>(StringComparer.Ordinal)
        {
            [NotSentExample] = new OpenApiExample { Summary = "not sent: the default applies" },
            [parameter.Name!] = new OpenApiExample { Summary = "example", Value = value },
        };
    }

    /// <summary>The name of the example without a value that comes first among an optional parameter's examples.</summary>
    public const string NotSentExample = "none";

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static ParameterInfo? FindParameterInfo(ApiDescription description, string? name) =>
        description.ParameterDescriptions
            .Where(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
            .Select(p => (p.ParameterDescriptor as IParameterInfoParameterDescriptor)?.ParameterInfo)
            .FirstOrDefault(p => p is not null);
}
