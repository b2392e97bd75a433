namespace GraphQLEngine.Execution;

/// <summary>
/// Produces the value of one field for one parent value (graphql-js's <c>GraphQLFieldResolver</c>).
/// The result may be a leaf value, an object for a nested selection, a list (any <see cref="System.Collections.IEnumerable"/>),
/// or null. Throwing reports a field error at <see cref="ResolveContext.Path"/>.
/// </summary>
public delegate ValueTask<object?> FieldResolver(ResolveContext context);
