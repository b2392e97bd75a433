using GraphQLEngine.Execution;

namespace GraphQLEngine.Type;

/// <summary>
/// Picks the object type of <paramref name="value"/>, a value resolved for a field of abstract type
/// (graphql-js's <c>resolveType</c>). Returns the object type's name, or null when unknown.
/// </summary>
/// <param name="value">The resolved value.</param>
/// <param name="context">The context of the field that produced the value.</param>
/// <param name="abstractType">The interface or union being resolved.</param>
public delegate string? TypeResolver(object? value, ResolveContext context, IAbstractType abstractType);
