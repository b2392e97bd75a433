using System.Globalization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace DepinApi.OpenApi;

/// <summary>
/// Puts the pipeline's headers on the responses that carry them: ETag and Cache-Control on /v1's 200 and 304,
/// Link on a paged 200 (the operation takes <c>cursor</c>), Content-Disposition where CSV is offered, Location on
/// 308, Retry-After on 429, and the RateLimit-* headers on every response of a rate-limited operation.
/// </summary>
public sealed class ResponseHeadersFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (operation.Responses is null)
            return;
        var path = DocumentedPaths.Normalize(context.ApiDescription.RelativePath);
        var api = DocumentedPaths.IsApi(path);
        var paged = (operation.Parameters ?? []).Any(p => p.Name == "cursor");
        var csv = CsvContentFilter.OffersCsv(operation);
        foreach (var (key, response) in operation.Responses)
        {
            if (response is not OpenApiResponse concrete
                || !int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var status))
                continue;
            var names = new List<string>();
            if (api && status is 200 or 304)
                names.AddRange([ResponseHeaders.ETag, ResponseHeaders.CacheControl]);
            if (status == 200 && paged)
                names.Add(ResponseHeaders.Link);
            if (status == 200 && csv)
                names.Add(ResponseHeaders.ContentDisposition);
            if (status == 308)
                names.Add(ResponseHeaders.Location);
            if (status == 429)
                names.Add(ResponseHeaders.RetryAfter);
            if (!DocumentedPaths.IsHealth(path))
                names.AddRange(ResponseHeaders.RateLimit);
            if (names.Count == 0)
                continue;
            concrete.Headers ??= new Dictionary<string, IOpenApiHeader>();
            foreach (var name in names)
                concrete.Headers.TryAdd(name, ResponseHeaders.Reference(name, context.Document));
        }
    }
}
