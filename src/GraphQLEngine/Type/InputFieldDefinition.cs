namespace GraphQLEngine.Type;

/// <summary>A field of an input object type (graphql-js's <c>GraphQLInputField</c>).</summary>
public sealed class InputFieldDefinition(string name, GraphQLType type) : InputValueDefinition(name, type);
