using System.Globalization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace DepinApi.OpenApi;

/// <summary>
/// Every 4xx and 5xx response becomes <c>application/problem+json</c> with the <see cref="ProblemSchema"/> and
/// examples built for the operation (<see cref="ProblemExamples"/>: the server's own answers, where recorded), whatever the endpoint declared its error
/// type as; the generic reason-phrase description is replaced by the project's wording.
/// </summary>
public sealed class ProblemResponsesFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (operation.Responses is null)
            return;
        if (!context.SchemaRepository.Schemas.ContainsKey(ProblemSchema.Id))
            context.SchemaRepository.AddDefinition(ProblemSchema.Id, ProblemSchema.Create());
        var path = DocumentedPaths.Normalize(context.ApiDescription.RelativePath);
        foreach (var (key, response) in operation.Responses)
        {
            if (!int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var status) || status < 400
                || response is not OpenApiResponse concrete)
                continue;
            if (ResponseTexts.IsGeneric(concrete.Description, status))
                concrete.Description = ResponseTexts.For(status);
            concrete.Content = new Dictionary<string, IOpenApiMediaType>
            {
                [ProblemSchema.MediaType] = new OpenApiMediaType
                {
                    Schema = new OpenApiSchemaReference(ProblemSchema.Id, context.Document),
                    Examples = ProblemExamples.For(status, operation, path),
                },
            };
        }
    }
}
