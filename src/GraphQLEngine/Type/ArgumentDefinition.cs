namespace GraphQLEngine.Type;

/// <summary>An argument of a field or directive (graphql-js's <c>GraphQLArgument</c>).</summary>
public sealed class ArgumentDefinition(string name, GraphQLType type) : InputValueDefinition(name, type);
