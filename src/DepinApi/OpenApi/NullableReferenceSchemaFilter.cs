using System.Reflection;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace DepinApi.OpenApi;

/// <summary>
/// A nullable property whose type is another schema (<c>TokenPriceView? TokenPrice</c>) is written by the generator as a
/// bare <c>$ref</c>, which says it is never null. This makes it <c>oneOf: [$ref, null]</c>, as the JSON really is.
/// </summary>
public sealed class NullableReferenceSchemaFilter(IOptions<JsonOptions> json) : ISchemaFilter
{
    private readonly NullabilityInfoContext _nullability = new();

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema { Properties: { Count: > 0 } properties } || context.MemberInfo is not null)
            return;
        var naming = json.Value.SerializerOptions.PropertyNamingPolicy;
        foreach (var property in context.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = naming?.ConvertName(property.Name) ?? property.Name;
            if (!properties.TryGetValue(name, out var propertySchema) || propertySchema is not OpenApiSchemaReference reference
                || property.PropertyType.IsValueType || NullabilityOf(property) != NullabilityState.Nullable)
                continue;
            var description = reference.Description;
            reference.Description = null;
            properties[name] = new OpenApiSchema
            {
                OneOf = [reference, new OpenApiSchema { Type = JsonSchemaType.Null }],
                Description = description,
            };
        }
    }

    private NullabilityState NullabilityOf(PropertyInfo property)
    {
        lock (_nullability)
            return _nullability.Create(property).ReadState;
    }
}
