using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace DepinApi.OpenApi;

/// <summary>
/// The 3.0 document's way of saying "this reference, or null". The generator writes it the 3.1 way,
/// <c>oneOf: [$ref, {type: null}]</c>; 3.0 has no null type, and its writer turns the second branch into
/// <c>{enum: [null], nullable: true}</c> without a type, which 3.0 forbids (redocly: nullable-type-sibling). The branch
/// becomes <c>{type: object, nullable: true, enum: [null]}</c>, which admits null only. The document is generated anew
/// for every request, so changing it here leaves the 3.1 one as it is.
/// </summary>
public static class OpenApi30Nullability
{
    public static void Apply(OpenApiDocument document)
    {
        if (document.Components?.Schemas is not { } schemas)
            return;
        var seen = new HashSet<OpenApiSchema>(ReferenceEqualityComparer.Instance);
        foreach (var schema in schemas.Values)
            Visit(schema, seen);
    }

    private static void Visit(IOpenApiSchema schema, HashSet<OpenApiSchema> seen)
    {
        if (schema is not OpenApiSchema concrete || !seen.Add(concrete))
            return;
        if (concrete.OneOf is { } oneOf)
        {
            for (var i = 0; i < oneOf.Count; i++)
            {
                if (oneOf[i] is OpenApiSchema { Type: JsonSchemaType.Null })
                    oneOf[i] = new OpenApiSchema { Type = JsonSchemaType.Object | JsonSchemaType.Null, Enum = [JsonValue.Create((string?)null)!] };
            }
        }
        var children = (concrete.Properties?.Values ?? [])
            .Concat(concrete.OneOf ?? []).Concat(concrete.AllOf ?? []).Concat(concrete.AnyOf ?? []);
        if (concrete.Items is { } items)
            children = children.Append(items);
        foreach (var child in children.ToList())
            Visit(child, seen);
    }
}
