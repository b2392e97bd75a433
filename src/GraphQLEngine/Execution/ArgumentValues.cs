using GraphQLEngine.Error;
using GraphQLEngine.Language;
using GraphQLEngine.Type;
using GraphQLEngine.Utilities;

namespace GraphQLEngine.Execution;

/// <summary>
/// graphql-js's <c>getArgumentValues</c> and <c>getDirectiveValues</c>: the coerced argument values of a
/// field or directive from its literals and the request's coerced variables, with defaults applied.
/// </summary>
public static class ArgumentValues
{
    /// <param name="definitions">The field's or directive's argument definitions.</param>
    /// <param name="argumentNodes">The arguments written in the document.</param>
    /// <param name="node">The field or directive node, for errors about missing arguments.</param>
    /// <param name="variableValues">Coerced variable values; a name absent from it was not provided.</param>
    /// <exception cref="GraphQLError">An argument is missing, null where it must not be, or invalid (graphql-js's messages).</exception>
    public static Dictionary<string, object?> Get(
        IReadOnlyList<ArgumentDefinition> definitions,
        IReadOnlyList<ArgumentNode> argumentNodes,
        Node node,
        IReadOnlyDictionary<string, object?> variableValues)
    {
        var coerced = new Dictionary<string, object?>(definitions.Count);
        foreach (var definition in definitions)
        {
            var name = definition.Name;
            var argumentType = definition.Type;
            var argumentNode = Find(argumentNodes, name);

            if (argumentNode is null)
            {
                if (definition.HasDefaultValue) coerced[name] = definition.DefaultValue;
                else if (argumentType is GraphQLNonNull)
                {
                    throw new GraphQLError(
                        $"Argument \"{name}\" of required type \"{Inspector.Inspect(argumentType)}\" was not provided.", [node]);
                }
                continue;
            }

            var valueNode = argumentNode.Value;
            var isNull = valueNode is NullValueNode;
            if (valueNode is VariableNode variable)
            {
                var variableName = variable.Name.Value;
                if (!variableValues.TryGetValue(variableName, out var variableValue))
                {
                    if (definition.HasDefaultValue) coerced[name] = definition.DefaultValue;
                    else if (argumentType is GraphQLNonNull)
                    {
                        throw new GraphQLError(
                            $"Argument \"{name}\" of required type \"{Inspector.Inspect(argumentType)}\" " +
                            $"was provided the variable \"${variableName}\" which was not provided a runtime value.", [valueNode]);
                    }
                    continue;
                }
                isNull = variableValue is null || Undefined.Is(variableValue);
            }

            if (isNull && argumentType is GraphQLNonNull)
            {
                throw new GraphQLError(
                    $"Argument \"{name}\" of non-null type \"{Inspector.Inspect(argumentType)}\" must not be null.", [valueNode]);
            }

            var coercedValue = ValueFromAst.Convert(valueNode, argumentType, variableValues);
            if (Undefined.Is(coercedValue))
            {
                throw new GraphQLError($"Argument \"{name}\" has invalid value {Printer.Print(valueNode)}.", [valueNode]);
            }
            coerced[name] = coercedValue;
        }
        return coerced;
    }

    /// <summary>
    /// The arguments of the first use of <paramref name="directive"/> on <paramref name="directives"/>; null when it is not used.
    /// </summary>
    /// <exception cref="GraphQLError">See <see cref="Get"/>.</exception>
    public static Dictionary<string, object?>? GetDirectiveValues(
        GraphQLDirective directive,
        IReadOnlyList<DirectiveNode> directives,
        IReadOnlyDictionary<string, object?> variableValues)
    {
        foreach (var directiveNode in directives)
        {
            if (directiveNode.Name.Value == directive.Name)
                return Get(directive.Args, directiveNode.Arguments, directiveNode, variableValues);
        }
        return null;
    }

    private static ArgumentNode? Find(IReadOnlyList<ArgumentNode> nodes, string name)
    {
        // graphql-js's keyMap keeps the last node of a name; validation rejects duplicates anyway.
        ArgumentNode? found = null;
        foreach (var node in nodes)
            if (node.Name.Value == name) found = node;
        return found;
    }
}
