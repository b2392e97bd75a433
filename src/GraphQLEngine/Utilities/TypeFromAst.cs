using GraphQLEngine.Language;
using GraphQLEngine.Type;

namespace GraphQLEngine.Utilities;

/// <summary>graphql-js's <c>typeFromAST</c>: a type reference such as <c>[Int!]</c> to the schema's type, or null when the named type is unknown.</summary>
public static class TypeFromAst
{
    public static GraphQLType? Convert(GraphQLSchema schema, TypeNode typeNode) => typeNode switch
    {
        ListTypeNode list => Convert(schema, list.Type) is { } inner ? new GraphQLList(inner) : null,
        NonNullTypeNode nonNull => Convert(schema, nonNull.Type) is { } inner and not GraphQLNonNull ? new GraphQLNonNull(inner) : null,
        NamedTypeNode named => schema.GetType(named.Name.Value),
        _ => null,
    };
}
