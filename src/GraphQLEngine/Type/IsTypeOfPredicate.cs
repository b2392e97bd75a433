using GraphQLEngine.Execution;

namespace GraphQLEngine.Type;

/// <summary>
/// Tells whether <paramref name="value"/> belongs to an object type (graphql-js's <c>isTypeOf</c>); used to
/// resolve abstract types without a <see cref="TypeResolver"/> and to check values returned for object fields.
/// </summary>
public delegate bool IsTypeOfPredicate(object? value, ResolveContext context);
