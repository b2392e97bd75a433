namespace GraphQLEngine.Type;

/// <summary>
/// An object type (graphql-js's <c>GraphQLObjectType</c>). Pass fields as a thunk when they refer to
/// types not constructed yet (including this one):
/// <code>
/// GraphQLObjectType person = null!;
/// person = new GraphQLObjectType("Person", () => [
///     new FieldDefinition("name", Scalars.String),
///     new FieldDefinition("friends", new GraphQLList(person)),
/// ]);
/// </code>
/// </summary>
public sealed class GraphQLObjectType : GraphQLImplementingType
{
    public GraphQLObjectType(
        string name,
        Func<IEnumerable<FieldDefinition>> fields,
        Func<IEnumerable<GraphQLInterfaceType>>? interfaces = null) : base(name, fields, interfaces) { }

    public GraphQLObjectType(
        string name,
        IEnumerable<FieldDefinition> fields,
        IEnumerable<GraphQLInterfaceType>? interfaces = null)
        : base(name, () => fields, interfaces is null ? null : () => interfaces) { }

    /// <summary>Optional check that a value belongs to this type; see <see cref="IsTypeOfPredicate"/>.</summary>
    public IsTypeOfPredicate? IsTypeOf { get; init; }
}
