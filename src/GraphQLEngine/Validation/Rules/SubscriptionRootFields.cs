using GraphQLEngine.Language;
using GraphQLEngine.Type;
using GraphQLEngine.Utilities;

namespace GraphQLEngine.Validation.Rules;

/// <summary>
/// The root fields a subscription selects, grouped by response key in document order: graphql-js's
/// <c>collectFields</c> as <see cref="SingleFieldSubscriptionsRule"/> runs it, with no variable values.
/// </summary>
/// <remarks>
/// <c>@skip</c>/<c>@include</c> are applied when their <c>if</c> is a literal boolean. graphql-js throws out of
/// validation when <c>if</c> is a variable (no values are known yet), missing or not a boolean; here such a
/// directive is ignored instead, so validation never throws.
/// </remarks>
internal static class SubscriptionRootFields
{
    public static OrderedDictionary<string, List<FieldNode>> Collect(
        GraphQLSchema schema, ValidationContext context, GraphQLObjectType rootType, SelectionSetNode selectionSet)
    {
        var fields = new OrderedDictionary<string, List<FieldNode>>();
        CollectInto(schema, context, rootType, selectionSet, fields, new HashSet<string>());
        return fields;
    }

    private static void CollectInto(
        GraphQLSchema schema, ValidationContext context, GraphQLObjectType rootType, SelectionSetNode selectionSet,
        OrderedDictionary<string, List<FieldNode>> fields, HashSet<string> visitedFragmentNames)
    {
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case FieldNode field:
                    if (!ShouldInclude(field)) continue;
                    if (!fields.TryGetValue(field.ResponseKey, out var list)) fields[field.ResponseKey] = list = [];
                    list.Add(field);
                    break;
                case InlineFragmentNode inline:
                    if (!ShouldInclude(inline) || !ConditionMatches(schema, inline.TypeCondition, rootType)) continue;
                    CollectInto(schema, context, rootType, inline.SelectionSet, fields, visitedFragmentNames);
                    break;
                case FragmentSpreadNode spread:
                    var name = spread.Name.Value;
                    if (visitedFragmentNames.Contains(name) || !ShouldInclude(spread)) continue;
                    visitedFragmentNames.Add(name);
                    var fragment = context.GetFragment(name);
                    if (fragment is null || !ConditionMatches(schema, fragment.TypeCondition, rootType)) continue;
                    CollectInto(schema, context, rootType, fragment.SelectionSet, fields, visitedFragmentNames);
                    break;
            }
        }
    }

    private static bool ShouldInclude(SelectionNode selection) =>
        LiteralIf(selection, "skip") != true && LiteralIf(selection, "include") != false;

    private static bool? LiteralIf(SelectionNode selection, string directiveName)
    {
        var directive = selection.Directives.FirstOrDefault(d => d.Name.Value == directiveName);
        var argument = directive?.Arguments.FirstOrDefault(a => a.Name.Value == "if");
        return argument?.Value is BooleanValueNode literal ? literal.Value : null;
    }

    private static bool ConditionMatches(GraphQLSchema schema, NamedTypeNode? typeCondition, GraphQLObjectType type)
    {
        if (typeCondition is null) return true;
        var conditionalType = TypeFromAst.Convert(schema, typeCondition);
        if (ReferenceEquals(conditionalType, type)) return true;
        return conditionalType is IAbstractType abstractType && schema.IsSubType(abstractType, type);
    }
}
