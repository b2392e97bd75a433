using GraphQLEngine.Error;
using GraphQLEngine.Language;
using GraphQLEngine.Type;
using GraphQLEngine.Utilities;

namespace GraphQLEngine.Validation.Rules;

/// <summary>
/// Values of Correct Type (spec §5.6.1): every literal can be coerced to the input type of its position; input
/// objects name only their fields, give every required one, and <c>@oneOf</c> ones exactly one non-null field.
/// Leaf literals are judged by the type's own literal parsing, whose error is reported as it is.
/// </summary>
public static class ValuesOfCorrectTypeRule
{
    public static AstVisitor Create(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : AstVisitor
    {
        private Dictionary<string, VariableDefinitionNode> _variableDefinitions = new();

        public override VisitAction Enter(Node node, AstWalkContext walk)
        {
            switch (node)
            {
                case OperationDefinitionNode:
                    _variableDefinitions = new();
                    break;
                case VariableDefinitionNode definition:
                    _variableDefinitions[definition.Variable.Name.Value] = definition;
                    break;
                case ListValueNode list:
                    if (context.GetParentInputType().GetNullableType() is not GraphQLList)
                    {
                        CheckLeafValue(list);
                        return VisitAction.SkipChildren;
                    }
                    break;
                case ObjectValueNode obj:
                    if (context.GetInputType().GetNamedType() is not GraphQLInputObjectType inputType)
                    {
                        CheckLeafValue(obj);
                        return VisitAction.SkipChildren;
                    }
                    CheckInputObject(obj, inputType);
                    break;
                case ObjectFieldNode field:
                    if (context.GetInputType() is null && context.GetParentInputType().GetNamedType() is GraphQLInputObjectType parentType)
                    {
                        var suggestions = SuggestionList.Suggest(field.Name.Value, parentType.GetFields().Keys);
                        context.ReportError(new GraphQLError(
                            $"Field \"{field.Name.Value}\" is not defined by type \"{parentType.Name}\"." + DidYouMean.Format(suggestions),
                            [field]));
                    }
                    break;
                case NullValueNode nullValue:
                    if (context.GetInputType() is GraphQLNonNull nonNull)
                        context.ReportError(new GraphQLError($"Expected value of type \"{nonNull}\", found null.", [nullValue]));
                    break;
                case EnumValueNode or IntValueNode or FloatValueNode or StringValueNode or BooleanValueNode:
                    CheckLeafValue((ValueNode)node);
                    break;
            }
            return VisitAction.Continue;
        }

        private void CheckInputObject(ObjectValueNode node, GraphQLInputObjectType type)
        {
            // The last of several fields with one name counts, as with graphql-js's keyMap.
            var fieldNodes = new OrderedDictionary<string, ObjectFieldNode>();
            foreach (var field in node.Fields) fieldNodes[field.Name.Value] = field;

            foreach (var fieldDef in type.GetFields().Values)
            {
                if (fieldNodes.ContainsKey(fieldDef.Name) || !fieldDef.IsRequired) continue;
                context.ReportError(new GraphQLError(
                    $"Field \"{type.Name}.{fieldDef.Name}\" of required type \"{fieldDef.Type}\" was not provided.", [node]));
            }

            if (type.IsOneOf) CheckOneOf(node, type, fieldNodes);
        }

        private void CheckOneOf(ObjectValueNode node, GraphQLInputObjectType type, OrderedDictionary<string, ObjectFieldNode> fieldNodes)
        {
            if (fieldNodes.Count != 1)
            {
                context.ReportError(new GraphQLError($"OneOf Input Object \"{type.Name}\" must specify exactly one key.", [node]));
                return;
            }
            var (key, field) = (fieldNodes.GetAt(0).Key, fieldNodes.GetAt(0).Value);
            switch (field.Value)
            {
                case NullValueNode:
                    context.ReportError(new GraphQLError($"Field \"{type.Name}.{key}\" must be non-null.", [node]));
                    break;
                // An undefined variable is NoUndefinedVariablesRule's to report (graphql-js throws here instead).
                case VariableNode variable when _variableDefinitions.TryGetValue(variable.Name.Value, out var definition)
                                                && definition.Type is not NonNullTypeNode:
                    context.ReportError(new GraphQLError(
                        $"Variable \"{variable.Name.Value}\" must be non-nullable to be used for OneOf Input Object \"{type.Name}\".", [node]));
                    break;
            }
        }

        /// <summary>graphql-js's <c>isValidValueNode</c>: a literal where a leaf type is expected must parse as it.</summary>
        private void CheckLeafValue(ValueNode node)
        {
            if (context.GetInputType() is not { } locationType) return;
            if (locationType.GetNamedType() is not ILeafType leafType)
            {
                ReportExpected(locationType, node);
                return;
            }
            try
            {
                if (Undefined.Is(leafType.ParseLiteral(node))) ReportExpected(locationType, node);
            }
            catch (GraphQLError error)
            {
                context.ReportError(error);
            }
            catch (Exception error)
            {
                context.ReportError(new GraphQLError(
                    $"Expected value of type \"{locationType}\", found {Printer.Print(node)}; {error.Message}", [node], originalError: error));
            }
        }

        private void ReportExpected(GraphQLType locationType, ValueNode node) =>
            context.ReportError(new GraphQLError($"Expected value of type \"{locationType}\", found {Printer.Print(node)}.", [node]));
    }
}
