using DepinApi.Rest.Infrastructure;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace DepinApi.OpenApi;

/// <summary>
/// Declares the responses every endpoint of a kind can give because of the pipeline it runs in, so each
/// handler need not repeat them: everywhere, 304 (If-None-Match matched), 412 (If-Match named no current ETag) and 429
/// (the point budget on /v1, the probes' own allowance on the probes); on /v1, 400 when it takes query parameters (any of
/// them can be malformed), 404 when it takes <c>asOf</c> (no such data version), 503 (nothing imported yet) and, for a
/// series that draws charts, 406 (an Accept of images only, and a query that has no chart); outside the probes, 401 (an
/// API key that is not accepted). Descriptions for these live in <see cref="ResponseTexts"/>.
/// </summary>
/// <remarks>
/// A method other than GET or HEAD is a 405 on every path; it answers no documented operation, so docs/openapi.md says
/// it once rather than each operation listing it.
/// </remarks>
public sealed class ConventionalResponsesFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var path = DocumentedPaths.Normalize(context.ApiDescription.RelativePath);
        operation.Responses ??= new OpenApiResponses();
        var parameters = operation.Parameters ?? [];
        var probe = DocumentedPaths.IsHealth(path);
        AddIfMissing(operation, StatusCodes.Status304NotModified, probe);
        AddIfMissing(operation, StatusCodes.Status412PreconditionFailed, probe);
        if (DocumentedPaths.IsApi(path))
        {
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
        if (!probe)
            AddIfMissing(operation, StatusCodes.Status401Unauthorized);
        AddIfMissing(operation, StatusCodes.Status429TooManyRequests, probe);
    }

    private const string UndrawableChart =
        "`Accept` takes images only and this query has no chart (several metrics, `limit` or `cursor`, more values than one chart "
        + "draws); the problem names that `parameter` and lists the media types that can be had in `available`. With `format=svg` "
        + "or `png` the same query is a 400.";

    private static void AddIfMissing(OpenApiOperation operation, int status, bool probe = false)
    {
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!operation.Responses!.ContainsKey(key))
            operation.Responses[key] = new OpenApiResponse { Description = probe ? ResponseTexts.ForProbe(status) : ResponseTexts.For(status) };
    }
}
