using DepinApi.GraphQL.ScalarTypes;
using DepinApi.ReadModel;
using GraphQLEngine.Error;
using GraphQLEngine.Execution;
using GraphQLEngine.Language;
using GraphQLEngine.Type;

namespace DepinApi.GraphQL.Execution;

/// <summary>
/// The data version one request reads. Every root field takes <c>asOf</c>, but a request reads one snapshot
/// (one read session), so the root fields that give it must agree; those that leave it out read the same
/// version, and those <c>@skip</c> or <c>@include</c> leave out of the response read nothing and count for nothing.
/// Found from the document, before any field runs, so the answer does not depend on which field happens to resolve
/// first.
/// </summary>
internal static class RequestAsOf
{
    public const string ArgumentName = "asOf";

    /// <summary>The request's <c>asOf</c> (null: the newest data).</summary>
    /// <exception cref="GraphQLError">
    /// Two root fields name different points in history (<see cref="Conflict"/>; the endpoint fails such a request before
    /// it runs), or a root field's <c>@skip</c> or <c>@include</c> condition is null.
    /// </exception>
    public static AsOf? Find(
        OperationDefinitionNode operation,
        IReadOnlyDictionary<string, FragmentDefinitionNode> fragments,
        IReadOnlyDictionary<string, object?> variables)
    {
        var found = Given(operation, fragments, variables);
        if (ConflictOf(found) is { } conflict) throw conflict;
        return found.Count == 0 ? null : found[0].Value;
    }

    /// <summary>
    /// The <c>AS_OF_CONFLICT</c> error of root fields that name different points in history, listing the versions asked
    /// for and locating every field that gave one; null when they agree.
    /// </summary>
    /// <exception cref="GraphQLError">A root field's <c>@skip</c> or <c>@include</c> condition is null.</exception>
    public static GraphQLError? Conflict(
        OperationDefinitionNode operation,
        IReadOnlyDictionary<string, FragmentDefinitionNode> fragments,
        IReadOnlyDictionary<string, object?> variables) =>
        ConflictOf(Given(operation, fragments, variables));

    private static List<(AsOf Value, FieldNode Field)> Given(
        OperationDefinitionNode operation,
        IReadOnlyDictionary<string, FragmentDefinitionNode> fragments,
        IReadOnlyDictionary<string, object?> variables)
    {
        var found = new List<(AsOf Value, FieldNode Field)>();
        Collect(operation.SelectionSet, fragments, variables, found, new HashSet<string>());
        return found;
    }

    private static GraphQLError? ConflictOf(List<(AsOf Value, FieldNode Field)> found)
    {
        var distinct = found.Select(f => f.Value).Distinct().ToList();
        if (distinct.Count <= 1) return null;
        return new GraphQLError(
            $"The root fields of one request must read the same data: they ask for asOf {string.Join(", ", distinct.Select(d => $"\"{d}\""))}. "
            + "Send one asOf per request (root fields without one follow it).",
            found.Select(f => (Node)f.Field).ToList(),
            extensions: new Dictionary<string, object?> { ["code"] = "AS_OF_CONFLICT" });
    }

    private static void Collect(
        SelectionSetNode selectionSet,
        IReadOnlyDictionary<string, FragmentDefinitionNode> fragments,
        IReadOnlyDictionary<string, object?> variables,
        List<(AsOf, FieldNode)> found,
        HashSet<string> visited)
    {
        foreach (var selection in selectionSet.Selections)
        {
            if (IsLeftOut(selection, variables)) continue;
            switch (selection)
            {
                case FieldNode field when Value(field, variables) is { } asOf:
                    found.Add((asOf, field));
                    break;
                case InlineFragmentNode inline:
                    Collect(inline.SelectionSet, fragments, variables, found, visited);
                    break;
                case FragmentSpreadNode spread when visited.Add(spread.Name.Value)
                                                    && fragments.TryGetValue(spread.Name.Value, out var fragment):
                    Collect(fragment.SelectionSet, fragments, variables, found, visited);
                    break;
            }
        }
    }

    // As execution collects the root fields (graphql-js's shouldIncludeNode): a null condition is the error it is there.
    private static bool IsLeftOut(SelectionNode selection, IReadOnlyDictionary<string, object?> variables) =>
        selection.Directives.Count > 0
        && (ArgumentValues.GetDirectiveValues(GraphQLDirective.Skip, selection.Directives, variables)?.GetValueOrDefault("if") is true
            || ArgumentValues.GetDirectiveValues(GraphQLDirective.Include, selection.Directives, variables)?.GetValueOrDefault("if") is false);

    private static AsOf? Value(FieldNode field, IReadOnlyDictionary<string, object?> variables)
    {
        var argument = field.Arguments.FirstOrDefault(a => a.Name.Value == ArgumentName);
        return argument?.Value switch
        {
            null or NullValueNode => null,
            VariableNode variable => variables.TryGetValue(variable.Name.Value, out var value) ? value as AsOf? : null,
            var literal => AsOfScalar.Type.ParseLiteral(literal) as AsOf?,
        };
    }
}
