using System.ComponentModel;
using System.Reflection;
using System.Text;

namespace GraphQLEngine.Type;

/// <summary>
/// Derives a <see cref="GraphQLEnumType"/> from a CLR enum: member <c>InProgress</c> becomes value
/// <c>IN_PROGRESS</c> with the member itself as internal value; <see cref="DescriptionAttribute"/> gives
/// descriptions and <see cref="ObsoleteAttribute"/> deprecations.
/// </summary>
public static class ClrEnumType
{
    /// <param name="name">GraphQL type name; defaults to the CLR type's name.</param>
    public static GraphQLEnumType Create<TEnum>(string? name = null, string? description = null) where TEnum : struct, Enum
    {
        var clrType = typeof(TEnum);
        var values = Enum.GetValues<TEnum>().Select(member =>
        {
            var memberName = member.ToString();
            var field = clrType.GetField(memberName, BindingFlags.Public | BindingFlags.Static)!;
            var obsolete = field.GetCustomAttribute<ObsoleteAttribute>();
            return new EnumValueDefinition(ToConstantCase(memberName), member)
            {
                Description = field.GetCustomAttribute<DescriptionAttribute>()?.Description,
                DeprecationReason = obsolete is null ? null : obsolete.Message ?? GraphQLDirective.DefaultDeprecationReason,
            };
        });
        return new GraphQLEnumType(name ?? clrType.Name, values)
        {
            Description = description ?? clrType.GetCustomAttribute<DescriptionAttribute>()?.Description,
        };
    }

    /// <summary><c>FieldDefinition</c> → <c>FIELD_DEFINITION</c>; <c>HTTPStatus</c> → <c>HTTP_STATUS</c>.</summary>
    public static string ToConstantCase(string pascalCase)
    {
        var builder = new StringBuilder(pascalCase.Length + 4);
        for (var i = 0; i < pascalCase.Length; i++)
        {
            var c = pascalCase[i];
            var startsWord = i > 0 && char.IsUpper(c)
                && (char.IsLower(pascalCase[i - 1]) || char.IsDigit(pascalCase[i - 1])
                    || (i + 1 < pascalCase.Length && char.IsLower(pascalCase[i + 1])));
            if (startsWord && pascalCase[i - 1] != '_') builder.Append('_');
            builder.Append(char.ToUpperInvariant(c));
        }
        return builder.ToString();
    }
}
