namespace GraphQLEngine.Type;

/// <summary>
/// Any GraphQL type: a named type (scalar, object, interface, union, enum, input object) or a wrapper
/// (<see cref="GraphQLList"/>, <see cref="GraphQLNonNull"/>). The hierarchy is closed, as in graphql-js.
/// <see cref="ToString"/> gives the SDL reference form, e.g. <c>[Int!]!</c>.
/// </summary>
public abstract class GraphQLType
{
    private protected GraphQLType() { }

    public abstract override string ToString();
}
