using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace DepinApi.OpenApi;

/// <summary>
/// Gives each 2xx/3xx response a description (the response type's <c>[Description]</c>, else the operation's
/// summary, instead of the bare reason phrase) and each of its JSON bodies an example (<see cref="ExampleComposer"/>).
/// </summary>
public sealed class SuccessResponseFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (operation.Responses is null)
            return;
        foreach (var (key, response) in operation.Responses)
        {
            if (!int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var status) || status >= 400
                || response is not OpenApiResponse concrete)
                continue;
            if (ResponseTexts.IsGeneric(concrete.Description, status))
                concrete.Description = status == StatusCodes.Status200OK
                    ? TypeDescription(context, status) ?? operation.Summary ?? ResponseTexts.For(status)
                    : ResponseTexts.For(status);
            foreach (var (mediaType, content) in concrete.Content ?? new Dictionary<string, IOpenApiMediaType>())
            {
                if (content is not OpenApiMediaType media || media.Schema is null || media.Example is not null
                    || media.Examples is { Count: > 0 } || !mediaType.Contains("json", StringComparison.OrdinalIgnoreCase))
                    continue;
                media.Example = ExampleComposer.Compose(media.Schema, context.SchemaRepository.Schemas, []);
            }
        }
    }

    private static string? TypeDescription(OperationFilterContext context, int status) =>
        context.ApiDescription.SupportedResponseTypes
            .FirstOrDefault(r => r.StatusCode == status)?.Type?.GetCustomAttribute<DescriptionAttribute>()?.Description;
}
