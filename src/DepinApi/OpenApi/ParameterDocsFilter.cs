using System.ComponentModel;
using System.Reflection;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace DepinApi.OpenApi;

/// <summary>
/// Gives every parameter a description and an example: from <c>[Description]</c> and
/// <see cref="OpenApiExampleAttribute"/> on the handler parameter (or <c>[AsParameters]</c> property), else from
/// <see cref="StandardParameters"/>. Path parameters are marked required, as OpenAPI demands.
/// </summary>
public sealed class ParameterDocsFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (operation.Parameters is null)
            return;
        var route = DocumentedPaths.Normalize(context.ApiDescription.RelativePath);
        foreach (var parameter in operation.Parameters.OfType<OpenApiParameter>())
        {
            var info = FindParameterInfo(context.ApiDescription, parameter.Name);
            var standard = parameter.Name is null ? null : StandardParameters.Find(parameter.Name);
            var description = info?.GetCustomAttribute<DescriptionAttribute>()?.Description;
            parameter.Description = description ?? NonEmpty(parameter.Description) ?? standard?.Description;
            var example = info?.GetCustomAttribute<OpenApiExampleAttribute>()?.Value ?? standard?.Example(route);
            if (example is not null && parameter.Example is null && parameter.Examples is not { Count: > 0 })
                parameter.Example = ExampleValues.Convert(example, parameter.Schema);
            // The generator copies [Description] onto the parameter's schema too; once is enough.
            if (parameter.Schema is OpenApiSchema schema && schema.Description == parameter.Description)
                schema.Description = null;
            if (parameter.In == ParameterLocation.Path)
                parameter.Required = true;
        }
    }

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static ParameterInfo? FindParameterInfo(ApiDescription description, string? name) =>
        description.ParameterDescriptions
            .Where(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
            .Select(p => (p.ParameterDescriptor as IParameterInfoParameterDescriptor)?.ParameterInfo)
            .FirstOrDefault(p => p is not null);
}
