using DepinApi.Rest.Infrastructure;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace DepinApi.OpenApi;

/// <summary>
/// Declares the responses every endpoint of a kind can give because of the pipeline it runs in, so each
/// handler need not repeat them: on /v1, 304 (ETag matched), 412 (If-Match named no current ETag), 400 when it takes
/// query parameters (any of them
/// can be malformed), 404 when it takes <c>asOf</c> (no such data version), 503 (nothing imported yet) and, for a series
/// that draws charts, 406 (an Accept of images only, and a query that has no chart);
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
            // The one 406 of a REST URL: an Accept of images only, on a query that has no chart (ChartResponses.InsteadOfChart).
            if (context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<OfferedFormats>().LastOrDefault() is { } offered
                && offered.Formats.Contains(ResponseFormats.Svg))
                operation.Responses.TryAdd("406", new OpenApiResponse { Description = UndrawableChart });
        }
        if (!DocumentedPaths.IsHealth(path))
        {
            AddIfMissing(operation, StatusCodes.Status401Unauthorized);
            AddIfMissing(operation, StatusCodes.Status429TooManyRequests);
        }
    }

    private const string UndrawableChart =
        "`Accept` takes images only and this query has no chart (several metrics, `limit` or `cursor`, more values than one chart "
        + "draws); the problem names that `parameter` and lists the media types that can be had in `available`. With `format=svg` "
        + "or `png` the same query is a 400.";

    private static void AddIfMissing(OpenApiOperation operation, int status)
    {
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!operation.Responses!.ContainsKey(key))
            operation.Responses[key] = new OpenApiResponse { Description = ResponseTexts.For(status) };
    }
}
