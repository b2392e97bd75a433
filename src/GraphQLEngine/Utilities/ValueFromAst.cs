using GraphQLEngine.Language;
using GraphQLEngine.Type;

namespace GraphQLEngine.Utilities;

/// <summary>
/// graphql-js's <c>valueFromAST</c>: a literal to the internal value of the given input type, with
/// variables (already coerced) substituted. Returns <see cref="Undefined.Value"/> when the literal is
/// invalid for the type (validation reports why); input objects become
/// <c>Dictionary&lt;string, object?&gt;</c>, lists <c>List&lt;object?&gt;</c>.
/// </summary>
public static class ValueFromAst
{
    /// <param name="valueNode">The literal; null (no literal) gives <see cref="Undefined.Value"/>.</param>
    /// <param name="type">Expected input type.</param>
    /// <param name="variables">Coerced variable values; a variable absent from it counts as not provided.</param>
    public static object? Convert(ValueNode? valueNode, GraphQLType type, IReadOnlyDictionary<string, object?>? variables = null)
    {
        var invalid = Undefined.Value;
        if (valueNode is null) return invalid;

        if (valueNode is VariableNode variable)
        {
            if (!TryGetVariable(variables, variable.Name.Value, out var variableValue)) return invalid;
            // Note: no further checking that the variable's type matches; validation guarantees it.
            return variableValue is null && type is GraphQLNonNull ? invalid : variableValue;
        }

        if (type is GraphQLNonNull nonNull)
        {
            return valueNode is NullValueNode ? invalid : Convert(valueNode, nonNull.OfType, variables);
        }

        if (valueNode is NullValueNode) return null;

        switch (type)
        {
            case GraphQLList list:
            {
                var itemType = list.OfType;
                if (valueNode is ListValueNode listNode)
                {
                    var coercedValues = new List<object?>();
                    foreach (var itemNode in listNode.Values)
                    {
                        if (IsMissingVariable(itemNode, variables))
                        {
                            if (itemType is GraphQLNonNull) return invalid;
                            coercedValues.Add(null);
                        }
                        else
                        {
                            var itemValue = Convert(itemNode, itemType, variables);
                            if (Undefined.Is(itemValue)) return invalid;
                            coercedValues.Add(itemValue);
                        }
                    }
                    return coercedValues;
                }
                var coercedValue = Convert(valueNode, itemType, variables);
                return Undefined.Is(coercedValue) ? invalid : new List<object?> { coercedValue };
            }

            case GraphQLInputObjectType inputObject:
            {
                if (valueNode is not ObjectValueNode objectNode) return invalid;
                var coercedObject = new Dictionary<string, object?>();
                var fieldNodes = new Dictionary<string, ObjectFieldNode>();
                foreach (var fieldNode in objectNode.Fields) fieldNodes.TryAdd(fieldNode.Name.Value, fieldNode);
                foreach (var field in inputObject.GetFields().Values)
                {
                    if (!fieldNodes.TryGetValue(field.Name, out var fieldNode) || IsMissingVariable(fieldNode.Value, variables))
                    {
                        if (field.HasDefaultValue) coercedObject[field.Name] = field.DefaultValue;
                        else if (field.Type is GraphQLNonNull) return invalid;
                        continue;
                    }
                    var fieldValue = Convert(fieldNode.Value, field.Type, variables);
                    if (Undefined.Is(fieldValue)) return invalid;
                    coercedObject[field.Name] = fieldValue;
                }
                if (inputObject.IsOneOf)
                {
                    if (coercedObject.Count != 1) return invalid;
                    if (coercedObject.Values.First() is null) return invalid;
                }
                return coercedObject;
            }

            case ILeafType leaf:
            {
                object? result;
                try
                {
                    result = leaf.ParseLiteral(valueNode, variables);
                }
                catch (Exception)
                {
                    // A literal the leaf type rejects is simply invalid here; validation produces the message.
                    return invalid;
                }
                return result;
            }

            default:
                throw new ArgumentException($"Unexpected input type: {Inspector.Inspect(type)}.", nameof(type));
        }
    }

    private static bool TryGetVariable(IReadOnlyDictionary<string, object?>? variables, string name, out object? value)
    {
        value = null;
        if (variables is null || !variables.TryGetValue(name, out value)) return false;
        return !Undefined.Is(value);
    }

    private static bool IsMissingVariable(ValueNode valueNode, IReadOnlyDictionary<string, object?>? variables) =>
        valueNode is VariableNode variable && !TryGetVariable(variables, variable.Name.Value, out _);
}
