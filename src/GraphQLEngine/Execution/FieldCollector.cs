using GraphQLEngine.Error;
using GraphQLEngine.Language;
using GraphQLEngine.Type;
using GraphQLEngine.Utilities;

namespace GraphQLEngine.Execution;

/// <summary>
/// graphql-js's <c>collectFields</c> / <c>collectSubfields</c>: flattens a selection set for one object
/// type into response keys, honouring <c>@skip</c>/<c>@include</c> and fragment type conditions, merging
/// fields that share a response key, and dropping fields the type does not define. Arguments are
/// coerced here once per field group, since they depend only on the document and the variables.
/// </summary>
internal sealed class FieldCollector(
    GraphQLSchema schema,
    IReadOnlyDictionary<string, FragmentDefinitionNode> fragments,
    IReadOnlyDictionary<string, object?> variableValues)
{
    /// <exception cref="GraphQLError">A <c>@skip</c>/<c>@include</c> argument is invalid.</exception>
    public CollectedFields CollectRoot(GraphQLObjectType type, SelectionSetNode selectionSet)
    {
        var grouped = new OrderedDictionary<string, List<FieldNode>>();
        CollectInto(type, selectionSet, grouped, new HashSet<string>());
        return Build(type, grouped);
    }

    /// <exception cref="GraphQLError">A <c>@skip</c>/<c>@include</c> argument is invalid.</exception>
    public CollectedFields CollectSubfields(GraphQLObjectType type, FieldNode[] fieldNodes)
    {
        var grouped = new OrderedDictionary<string, List<FieldNode>>();
        var visitedFragments = new HashSet<string>();
        foreach (var node in fieldNodes)
        {
            if (node.SelectionSet is { } selectionSet) CollectInto(type, selectionSet, grouped, visitedFragments);
        }
        return Build(type, grouped);
    }

    /// <summary>graphql-js's <c>getFieldDef</c>: schema fields plus the meta-fields, <c>__schema</c>/<c>__type</c> on the query root only.</summary>
    public static FieldDefinition? GetFieldDefinition(GraphQLSchema schema, GraphQLObjectType parentType, string fieldName)
    {
        if (fieldName.Length > 2 && fieldName[0] == '_' && fieldName[1] == '_')
        {
            if (fieldName == Introspection.TypeNameMetaFieldDef.Name) return Introspection.TypeNameMetaFieldDef;
            if (ReferenceEquals(schema.QueryType, parentType))
            {
                if (fieldName == Introspection.SchemaMetaFieldDef.Name) return Introspection.SchemaMetaFieldDef;
                if (fieldName == Introspection.TypeMetaFieldDef.Name) return Introspection.TypeMetaFieldDef;
            }
        }
        return parentType.GetField(fieldName);
    }

    /// <summary>graphql-js's <c>doesFragmentConditionMatch</c>.</summary>
    public static bool DoesFragmentConditionMatch(GraphQLSchema schema, NamedTypeNode? typeCondition, GraphQLObjectType type)
    {
        if (typeCondition is null) return true;
        var conditionalType = TypeFromAst.Convert(schema, typeCondition);
        if (ReferenceEquals(conditionalType, type)) return true;
        return conditionalType is IAbstractType abstractType && schema.IsSubType(abstractType, type);
    }

    // Fragments spreading fragments (or inline fragments inside inline fragments) would nest a recursive walk
    // as deep as the chain is long, however flat the document: the selection lists still being read wait on
    // an explicit stack instead, and are resumed in the order recursion would resume them.
    private void CollectInto(
        GraphQLObjectType type,
        SelectionSetNode selectionSet,
        OrderedDictionary<string, List<FieldNode>> grouped,
        HashSet<string> visitedFragments)
    {
        Stack<(IReadOnlyList<SelectionNode> Selections, int Next)>? interrupted = null;
        var selections = selectionSet.Selections;
        var next = 0;
        while (true)
        {
            if (next == selections.Count)
            {
                if (interrupted is null || !interrupted.TryPop(out var resumed)) return;
                (selections, next) = resumed;
                continue;
            }

            SelectionSetNode? nested = null;
            switch (selections[next++])
            {
                case FieldNode field:
                    if (!ShouldInclude(field)) continue;
                    var key = field.ResponseKey;
                    if (grouped.TryGetValue(key, out var nodes)) nodes.Add(field);
                    else grouped.Add(key, [field]);
                    break;

                case InlineFragmentNode inline:
                    if (!ShouldInclude(inline) || !DoesFragmentConditionMatch(schema, inline.TypeCondition, type)) continue;
                    nested = inline.SelectionSet;
                    break;

                case FragmentSpreadNode spread:
                    var name = spread.Name.Value;
                    if (visitedFragments.Contains(name) || !ShouldInclude(spread)) continue;
                    visitedFragments.Add(name);
                    if (!fragments.TryGetValue(name, out var fragment)
                        || !DoesFragmentConditionMatch(schema, fragment.TypeCondition, type)) continue;
                    nested = fragment.SelectionSet;
                    break;
            }
            if (nested is null) continue;
            (interrupted ??= new()).Push((selections, next));
            selections = nested.Selections;
            next = 0;
        }
    }

    /// <summary>graphql-js's <c>shouldIncludeNode</c>: false when <c>@skip(if: true)</c> or <c>@include(if: false)</c>.</summary>
    private bool ShouldInclude(SelectionNode node)
    {
        if (node.Directives.Count == 0) return true;
        var skip = ArgumentValues.GetDirectiveValues(GraphQLDirective.Skip, node.Directives, variableValues);
        if (skip is not null && skip.GetValueOrDefault("if") is true) return false;
        var include = ArgumentValues.GetDirectiveValues(GraphQLDirective.Include, node.Directives, variableValues);
        return include is null || include.GetValueOrDefault("if") is not false;
    }

    private CollectedFields Build(GraphQLObjectType type, OrderedDictionary<string, List<FieldNode>> grouped)
    {
        var groups = new List<FieldGroup>(grouped.Count);
        foreach (var (responseKey, nodes) in grouped)
        {
            var first = nodes[0];
            // Fields the type does not define are left out of the response, as graphql-js's executeField does.
            var definition = GetFieldDefinition(schema, type, first.Name.Value);
            if (definition is null) continue;
            var group = new FieldGroup(responseKey, nodes.ToArray(), definition);
            if (definition.Args.Count > 0)
            {
                try
                {
                    group.SetArguments(ArgumentValues.Get(definition.Args, first.Arguments, first, variableValues));
                }
                catch (GraphQLError error)
                {
                    group.SetArgumentsError(error);
                }
            }
            groups.Add(group);
        }
        return new CollectedFields(groups.ToArray());
    }
}
