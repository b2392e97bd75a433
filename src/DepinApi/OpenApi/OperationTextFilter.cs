using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace DepinApi.OpenApi;

/// <summary>
/// Takes an operation's summary and description from the endpoint's <c>WithSummary</c>/<c>WithDescription</c>
/// metadata, and its operationId from <c>WithName</c>, whichever the generator left empty.
/// </summary>
public sealed class OperationTextFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        operation.Summary ??= metadata.OfType<IEndpointSummaryMetadata>().LastOrDefault()?.Summary;
        operation.Description ??= metadata.OfType<IEndpointDescriptionMetadata>().LastOrDefault()?.Description;
        operation.OperationId ??= metadata.OfType<IEndpointNameMetadata>().LastOrDefault()?.EndpointName;
    }
}
