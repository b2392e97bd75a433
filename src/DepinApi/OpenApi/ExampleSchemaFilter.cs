using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace DepinApi.OpenApi;

/// <summary>
/// Gives a schema its example: a response type's static <c>Example</c> (property or field of the type
/// itself), serialized with the app's own JSON options so the example has exactly the served shape; or,
/// for a property, its <see cref="OpenApiExampleAttribute"/>.
/// </summary>
public sealed class ExampleSchemaFilter(IOptions<JsonOptions> json) : ISchemaFilter
{
    /// <summary>Name of the static member a response type declares its example with.</summary>
    public const string ExampleMemberName = "Example";

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema concrete)
            return;
        if (context.MemberInfo?.GetCustomAttribute<OpenApiExampleAttribute>() is { } attribute)
        {
            SetExample(concrete, ExampleValues.Convert(attribute.Value, concrete));
            return;
        }
        if (context.MemberInfo is null && FindExample(context.Type) is { } example)
            SetExample(concrete, JsonSerializer.SerializeToNode(example, context.Type, json.Value.SerializerOptions));
    }

    // OpenAPI 3.1 schemas are JSON Schema 2020-12, where `example` gave way to the `examples` array.
    private static void SetExample(OpenApiSchema schema, JsonNode? example)
    {
        if (example is not null)
            schema.Examples = [example];
    }

    /// <summary>The value of <paramref name="type"/>'s static <c>Example</c>, or null when it declares none.</summary>
    public static object? FindExample(Type type)
    {
        const BindingFlags flags = BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly;
        if (type.GetProperty(ExampleMemberName, flags) is { } property && type.IsAssignableFrom(property.PropertyType))
            return property.GetValue(null);
        if (type.GetField(ExampleMemberName, flags) is { } field && type.IsAssignableFrom(field.FieldType))
            return field.GetValue(null);
        return null;
    }
}
