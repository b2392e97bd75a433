using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace DepinApi.OpenApi;

/// <summary>
/// Declares the responses every endpoint of a kind can give because of the pipeline it runs in, so each
/// handler need not repeat them: on /v1, 304 (ETag matched), 412 (If-Match named no current ETag), 400 when it takes
/// query parameters (any of them
/// can be malformed), 404 when it takes <c>asOf</c> (no such data version) and 503 (nothing imported yet);
/// outside the health probes, 401 (an API key that is not accepted) and 429 (rate limited). Descriptions for these live in <see cref="ResponseTexts"/>.
/// </summary>
public sealed class ConventionalResponsesFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var path = DocumentedPaths.Normalize(context.ApiDescription.RelativePath);
        operation.Responses ??= new OpenApiResponses();
        var parameters = operation.Parameters ?? [];
        if (DocumentedPaths.IsApi(path))
        {
            AddIfMissing(operation, StatusCodes.Status304NotModified);
            AddIfMissing(operation, StatusCodes.Status412PreconditionFailed);
            if (parameters.Any(p => p.In == ParameterLocation.Query))
                AddIfMissing(operation, StatusCodes.Status400BadRequest);
            if (parameters.Any(p => p.Name == "asOf"))
                AddIfMissing(operation, StatusCodes.Status404NotFound);
            AddIfMissing(operation, StatusCodes.Status503ServiceUnavailable);
        }
        if (!DocumentedPaths.IsHealth(path))
        {
            AddIfMissing(operation, StatusCodes.Status401Unauthorized);
            AddIfMissing(operation, StatusCodes.Status429TooManyRequests);
        }
    }

    private static void AddIfMissing(OpenApiOperation operation, int status)
    {
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!operation.Responses!.ContainsKey(key))
            operation.Responses[key] = new OpenApiResponse { Description = ResponseTexts.For(status) };
    }
}
