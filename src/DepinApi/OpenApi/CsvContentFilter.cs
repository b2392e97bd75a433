using System.Reflection;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace DepinApi.OpenApi;

/// <summary>
/// Declares <c>text/csv</c> as the alternative body of a 200 where the endpoint offers CSV (it takes a
/// <c>format</c> parameter or declares text/csv): a string schema with an example from
/// <see cref="OpenApiCsvExampleAttribute"/> or derived from the JSON example (<see cref="CsvExamples"/>).
/// </summary>
public sealed class CsvContentFilter : IOperationFilter
{
    /// <summary>The CSV media type as documented (the served Content-Type adds charset and header parameters).</summary>
    public const string MediaType = "text/csv";

    /// <summary>Whether the operation offers CSV.</summary>
    public static bool OffersCsv(OpenApiOperation operation) =>
        (operation.Parameters ?? []).Any(p => p.Name == "format" && p.In == ParameterLocation.Query)
        || (operation.Responses?.TryGetValue("200", out var ok) == true && ok.Content?.ContainsKey(MediaType) == true);

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (!OffersCsv(operation) || operation.Responses?.TryGetValue("200", out var ok) != true || ok is not OpenApiResponse response)
            return;
        response.Content ??= new Dictionary<string, IOpenApiMediaType>();
        var json = response.Content.TryGetValue("application/json", out var jsonContent) ? jsonContent.Example : null;
        var csv = CsvAttribute(context)?.Csv ?? CsvExamples.FromJson(json);
        response.Content[MediaType] = new OpenApiMediaType
        {
            Schema = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = "RFC 4180 CSV, UTF-8, header row first (named like the JSON fields, nested ones dotted). "
                    + "Sent as `text/csv; charset=utf-8; header=present` with `Content-Disposition: attachment`.",
            },
            Example = csv is null ? null : System.Text.Json.Nodes.JsonValue.Create(csv),
        };
        if (response.Description is { } description && !description.Contains("CSV", StringComparison.Ordinal))
            response.Description = description.TrimEnd() + " As JSON, or as CSV with `?format=csv` or `Accept: text/csv`.";
    }

    // The attribute may sit on the declared response type or, for an envelope, on its item type.
    private static OpenApiCsvExampleAttribute? CsvAttribute(OperationFilterContext context)
    {
        var type = context.ApiDescription.SupportedResponseTypes.FirstOrDefault(r => r.StatusCode == 200)?.Type;
        if (type is null)
            return null;
        return type.GetCustomAttribute<OpenApiCsvExampleAttribute>()
            ?? type.GetGenericArguments().Select(t => t.GetCustomAttribute<OpenApiCsvExampleAttribute>()).FirstOrDefault(a => a is not null);
    }
}
