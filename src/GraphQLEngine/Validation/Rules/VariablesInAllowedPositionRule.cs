using GraphQLEngine.Error;
using GraphQLEngine.Language;
using GraphQLEngine.Type;
using GraphQLEngine.Utilities;

namespace GraphQLEngine.Validation.Rules;

/// <summary>
/// All Variable Usages Are Allowed (spec §5.8.5): a variable's type fits every position it is used in — a
/// nullable variable may fill a non-null position only when it or the position has a non-null default — and
/// variables filling a <c>@oneOf</c> field are non-null.
/// </summary>
public static class VariablesInAllowedPositionRule
{
    public static AstVisitor Create(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : AstVisitor
    {
        private Dictionary<string, VariableDefinitionNode> _definitions = new();

        public override VisitAction Enter(Node node, AstWalkContext walk)
        {
            switch (node)
            {
                case OperationDefinitionNode:
                    _definitions = new();
                    break;
                case VariableDefinitionNode definition:
                    _definitions[definition.Variable.Name.Value] = definition;
                    break;
            }
            return VisitAction.Continue;
        }

        public override VisitAction Leave(Node node, AstWalkContext walk)
        {
            if (node is not OperationDefinitionNode operation) return VisitAction.Continue;
            var schema = context.Schema;
            foreach (var usage in context.GetRecursiveVariableUsages(operation))
            {
                var varName = usage.Node.Name.Value;
                if (!_definitions.TryGetValue(varName, out var definition) || usage.Type is not { } locationType) continue;

                var varType = TypeFromAst.Convert(schema, definition.Type);
                if (varType is not null && !IsAllowed(schema, varType, definition.DefaultValue, locationType, usage.DefaultValue))
                {
                    context.ReportError(new GraphQLError(
                        $"Variable \"${varName}\" of type \"{varType}\" used in position expecting type \"{locationType}\".",
                        [definition, usage.Node]));
                }
                if (usage.ParentType is GraphQLInputObjectType { IsOneOf: true } parentType && varType.IsNullableType())
                {
                    context.ReportError(new GraphQLError(
                        $"Variable \"${varName}\" is of type \"{varType}\" but must be non-nullable to be used for OneOf Input Object \"{parentType.Name}\".",
                        [definition, usage.Node]));
                }
            }
            return VisitAction.Continue;
        }

        private static bool IsAllowed(
            GraphQLSchema schema, GraphQLType varType, ValueNode? varDefaultValue, GraphQLType locationType, object? locationDefaultValue)
        {
            if (locationType is GraphQLNonNull nonNullLocation && varType is not GraphQLNonNull)
            {
                var hasNonNullVariableDefault = varDefaultValue is not null and not NullValueNode;
                var hasLocationDefault = !Undefined.Is(locationDefaultValue);
                if (!hasNonNullVariableDefault && !hasLocationDefault) return false;
                return TypeComparators.IsTypeSubTypeOf(schema, varType, nonNullLocation.OfType);
            }
            return TypeComparators.IsTypeSubTypeOf(schema, varType, locationType);
        }
    }
}
