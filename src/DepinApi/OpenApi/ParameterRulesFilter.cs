using System.Globalization;
using System.Text.Json.Nodes;
using DepinApi.Rest;
using DepinApi.Rest.Infrastructure;
using DepinApi.Rest.Sectors;
using DepinApi.Series;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace DepinApi.OpenApi;

/// <summary>
/// Writes into each query parameter's schema the rule the handler enforces, from the list or limit the handler checks
/// against: <c>limit</c> an integer from 1 to <see cref="RestOptions.MaxLimit"/>, and an <c>enum</c> for a parameter that
/// takes one value of a closed set (the formats the endpoint offers, a vocabulary, the sort keys). A value outside them
/// is still answered with the server's own 400 problem. Parameters whose values are data (a network metric's name, a
/// project) or a list (<c>metric=a,b</c> on a project's revenue) keep a plain string.
/// </summary>
/// <remarks>
/// No schema <c>default</c>: Swagger UI's "Try it out" fills a field with it, where the document leaves an optional field
/// empty (<see cref="ParameterDocsFilter"/>); the default is in the description.
/// </remarks>
public sealed class ParameterRulesFilter(IOptions<RestOptions> rest) : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var route = DocumentedPaths.Normalize(context.ApiDescription.RelativePath);
        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>().Where(p => p.In == ParameterLocation.Query))
        {
            if (parameter.Name == "limit")
            {
                parameter.Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.Integer,
                    Format = "int32",
                    Minimum = "1",
                    Maximum = rest.Value.MaxLimit.ToString(CultureInfo.InvariantCulture),
                };
                continue;
            }
            if (ClosedSet(parameter.Name, route, context) is { } values)
                parameter.Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Enum = [.. values.Select(v => (JsonNode)JsonValue.Create(v))],
                };
        }
    }

    /// <summary>The values a parameter takes on <paramref name="route"/>, when they are a closed set.</summary>
    public static IReadOnlyList<string>? ClosedSet(string? name, string route, OperationFilterContext context) => name switch
    {
        "format" => (context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<OfferedFormats>().LastOrDefault()?.Formats
                     ?? ResponseFormats.Data).Select(f => f.Name).ToArray(),
        "sector" => Vocabulary.Sectors,
        "scope" => Vocabulary.Scopes,
        "sort" => Vocabulary.ProjectSorts,
        "units" => SeriesUnitsNames.All,
        "part" => SectorAnalyticsCsv.Parts,
        // One revenue metric; a project's revenue takes a list of them, and network metrics are named by their sources.
        "metric" when route is "/v1/revenue" or "/v1/sectors/analytics" => Vocabulary.RevenueMetrics,
        _ => null,
    };
}
