using DepinApi.Rest.Infrastructure;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace DepinApi.OpenApi;

/// <summary>
/// Declares image/svg+xml and image/png as bodies of a 200 where the endpoint offers them (<see cref="OfferedFormats"/>),
/// and names them in the <c>format</c> parameter, from the same format table the handler resolves with.
/// </summary>
public sealed class ImageContentFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var offered = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<OfferedFormats>().LastOrDefault();
        if (offered is null || operation.Responses?.TryGetValue("200", out var ok) != true || ok is not OpenApiResponse response)
            return;
        var chart = offered.Formats.Contains(ResponseFormats.Svg);
        response.Content ??= new Dictionary<string, IOpenApiMediaType>();
        foreach (var entry in offered.Formats.Where(e => e.Format is ResponseFormat.Svg or ResponseFormat.Png))
        {
            response.Content[entry.MediaType] = new OpenApiMediaType
            {
                Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Format = entry.Format == ResponseFormat.Png ? "binary" : null,
                    Description = Describe(entry.Format, chart),
                },
            };
        }
        var names = ResponseFormats.Expected(offered.Formats);
        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>().Where(p => p.Name == "format" && p.In == ParameterLocation.Query))
        {
            parameter.Description = chart
                ? $"{names}: json (default), csv, svg (a labelled chart, `<title>`/`<desc>` and text in the SVG) or png (the same chart, 1200×630). "
                  + "Without it, an Accept header that prefers text/csv, image/svg+xml or image/png selects that format."
                : $"{names}: json (default), csv or png (a 1200×630 preview card of the figure with its period and source). "
                  + "Without it, an Accept header that prefers text/csv or image/png selects that format.";
        }
        if (response.Description is { } description && !description.Contains("chart", StringComparison.Ordinal)
            && !description.Contains("preview", StringComparison.Ordinal))
            response.Description = description.TrimEnd() + (chart
                ? " As a chart with `?format=svg` (or `Accept: image/svg+xml`), or `?format=png`."
                : " As a 1200×630 preview card with `?format=png`.");
    }

    private static string Describe(ResponseFormat format, bool chart) => (format, chart) switch
    {
        (ResponseFormat.Svg, _) => "The series as an SVG chart (1200×630 viewBox): <title> and <desc> name and describe it, every plotted "
                                   + "value carries data-label, data-value and a <title> with the figure; the caption names units and sources. "
                                   + "Sent with `Content-Disposition: inline`.",
        (_, true) => "The same chart as a 1200×630 PNG (an Open Graph image).",
        _ => "A 1200×630 PNG preview card: the figure as a person reads it, its period and basis, publisher and date of its source.",
    };
}
