using System.ComponentModel;
using System.Reflection;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace DepinApi.OpenApi;

/// <summary>
/// Copies <c>[Description]</c> from response types and their properties (or a positional record's
/// parameters) into the schema, so the model docs come from the same attribute minimal APIs use elsewhere.
/// </summary>
public sealed class DescriptionSchemaFilter : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        var description = context.MemberInfo is { } member
            ? Describe(member) ?? DescribeConstructorParameter(member)
            : context.ParameterInfo?.GetCustomAttribute<DescriptionAttribute>()?.Description
              ?? context.Type.GetCustomAttribute<DescriptionAttribute>()?.Description;
        if (description is null)
            return;
        switch (schema)
        {
            case OpenApiSchema concrete: concrete.Description = description; break;
            case OpenApiSchemaReference reference: reference.Description = description; break;
        }
    }

    private static string? Describe(MemberInfo member) => member.GetCustomAttribute<DescriptionAttribute>()?.Description;

    // `record R([Description("…")] string X)` puts the attribute on the constructor parameter, not the property.
    private static string? DescribeConstructorParameter(MemberInfo member) =>
        member.DeclaringType?.GetConstructors()
            .SelectMany(c => c.GetParameters())
            .FirstOrDefault(p => string.Equals(p.Name, member.Name, StringComparison.OrdinalIgnoreCase))
            ?.GetCustomAttribute<DescriptionAttribute>()?.Description;
}
