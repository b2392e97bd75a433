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
        var path = DocumentedPaths.Normalize(context.ApiDescription.RelativePath);
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
                Example = System.Text.Json.Nodes.JsonValue.Create(entry.Format == ResponseFormat.Png
                    ? PngExample
                    : ServedExamples.Body(path, entry.MediaType) ?? SvgExample),
            };
        }
        var names = ResponseFormats.Expected(offered.Formats);
        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>().Where(p => p.Name == "format" && p.In == ParameterLocation.Query))
        {
            parameter.Description = chart
                ? $"One of {names}. json is the default; svg is a labelled chart (`<title>`, `<desc>` and text in the SVG), png the same chart at 1200×630. "
                  + "Without it, an Accept header that prefers text/csv, image/svg+xml or image/png selects that format. " + ResponseFormats.CaseRule
                : $"One of {names}. json is the default; png is a 1200×630 preview card of the figure with its period and source. "
                  + "Without it, an Accept header that prefers text/csv or image/png selects that format. " + ResponseFormats.CaseRule;
        }
        if (response.Description is { } description && !description.Contains("chart", StringComparison.Ordinal)
            && !description.Contains("preview", StringComparison.Ordinal))
            response.Description = description.TrimEnd() + (chart
                ? " As a chart with `?format=svg` (or `Accept: image/svg+xml`), or `?format=png`."
                : " As a 1200×630 preview card with `?format=png`.");
    }

    // Stands in until the chart this endpoint serves is recorded (ServedExamples); the test that records it fails meanwhile.
    private const string SvgExample =
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1200\" height=\"630\" viewBox=\"0 0 1200 630\" role=\"img\" "
        + "aria-labelledby=\"chart-title chart-desc\" font-family=\"DejaVu Sans, Verdana, Arial, sans-serif\">"
        + "<title id=\"chart-title\">Aethir revenue</title><desc id=\"chart-desc\">Bar chart, Aethir revenue, in US dollars: 3 values "
        + "from Q1 2025 to Q3 2025. First $28.5 million (Q1 2025), last $39.9 million (Q3 2025); minimum $28.5 million (Q1 2025), "
        + "maximum $39.9 million (Q3 2025).</desc>…<rect x=\"560.8\" y=\"183\" width=\"120\" height=\"327\" fill=\"#0072b2\" "
        + "data-label=\"2025Q2\" data-value=\"32700000\"><title>Q2 2025: $32.7 million (disclosed)</title></rect>…</svg>";

    private const string PngExample = "(a 1200×630 PNG image)";

    private static string Describe(ResponseFormat format, bool chart) => (format, chart) switch
    {
        (ResponseFormat.Svg, _) => "The series as an SVG chart (1200×630 viewBox): <title> and <desc> name and describe it, every plotted "
                                   + "value carries data-label, data-value and a <title> with the figure; the caption names units and sources. "
                                   + "Sent with `Content-Disposition: inline`.",
        (_, true) => "The same chart as a 1200×630 PNG (an Open Graph image).",
        _ => "A 1200×630 PNG preview card: the figure as a person reads it, its period and basis, publisher and date of its source.",
    };
}
