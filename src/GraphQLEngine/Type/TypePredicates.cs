using System.Diagnostics.CodeAnalysis;

namespace GraphQLEngine.Type;

/// <summary>
/// graphql-js's type predicates and unwrapping helpers (<c>isInputType</c>, <c>getNamedType</c>, …),
/// usable as extension methods. All accept null and answer false / null for it.
/// </summary>
public static class TypePredicates
{
    /// <summary>Scalars, enums, input objects, and lists/non-nulls of them.</summary>
    public static bool IsInputType([NotNullWhen(true)] this GraphQLType? type) =>
        GetNamedType(type) is GraphQLScalarType or GraphQLEnumType or GraphQLInputObjectType;

    /// <summary>Scalars, objects, interfaces, unions, enums, and lists/non-nulls of them.</summary>
    public static bool IsOutputType([NotNullWhen(true)] this GraphQLType? type) =>
        GetNamedType(type) is GraphQLScalarType or GraphQLObjectType or GraphQLInterfaceType or GraphQLUnionType or GraphQLEnumType;

    /// <summary>Scalar or enum (named, not wrapped).</summary>
    public static bool IsLeafType([NotNullWhen(true)] this GraphQLType? type) => type is ILeafType;

    /// <summary>Object, interface or union (named, not wrapped).</summary>
    public static bool IsCompositeType([NotNullWhen(true)] this GraphQLType? type) => type is ICompositeType;

    /// <summary>Interface or union (named, not wrapped).</summary>
    public static bool IsAbstractType([NotNullWhen(true)] this GraphQLType? type) => type is IAbstractType;

    public static bool IsWrappingType([NotNullWhen(true)] this GraphQLType? type) => type is GraphQLWrappingType;

    public static bool IsNullableType([NotNullWhen(true)] this GraphQLType? type) => type is not null and not GraphQLNonNull;

    public static bool IsNamedType([NotNullWhen(true)] this GraphQLType? type) => type is GraphQLNamedType;

    /// <summary>Removes all list and non-null wrappers.</summary>
    [return: NotNullIfNotNull(nameof(type))]
    public static GraphQLNamedType? GetNamedType(this GraphQLType? type)
    {
        var current = type;
        while (current is GraphQLWrappingType wrapper) current = wrapper.OfType;
        return (GraphQLNamedType?)current;
    }

    /// <summary>Removes one non-null wrapper, if present.</summary>
    [return: NotNullIfNotNull(nameof(type))]
    public static GraphQLType? GetNullableType(this GraphQLType? type) => type is GraphQLNonNull nonNull ? nonNull.OfType : type;

    /// <summary>graphql-js's <c>isRequiredArgument</c>: non-null without a default.</summary>
    public static bool IsRequiredArgument(ArgumentDefinition argument) => argument.IsRequired;

    /// <summary>graphql-js's <c>isRequiredInputField</c>: non-null without a default.</summary>
    public static bool IsRequiredInputField(InputFieldDefinition field) => field.IsRequired;
}
