using GraphQLEngine.Language;
using GraphQLEngine.Type;

namespace GraphQLEngine.Validation;

/// <summary>
/// One place a variable is used (graphql-js's <c>VariableUsage</c>).
/// </summary>
/// <param name="Node">The variable reference.</param>
/// <param name="Type">The input type expected where it stands; null when unknown (e.g. an unknown argument).</param>
/// <param name="DefaultValue">
/// The default value of the argument or input field it is passed to; <see cref="Undefined.Value"/> when there is none.
/// </param>
/// <param name="ParentType">The input type enclosing the position (e.g. the input object whose field it fills), if any.</param>
public sealed record VariableUsage(VariableNode Node, GraphQLType? Type, object? DefaultValue, GraphQLType? ParentType);
