using System.Runtime.CompilerServices;
using GraphQLEngine.Error;
using GraphQLEngine.Language;

namespace GraphQLEngine.Validation.Rules;

/// <summary>
/// graphql-js 16's recommended limit on introspection queries: below <c>__schema</c> or <c>__type</c>, at most two
/// nested levels of the list fields <c>fields</c>, <c>interfaces</c>, <c>possibleTypes</c> and <c>inputFields</c>
/// (which otherwise let a small query produce an enormous response).
/// </summary>
/// <remarks>
/// Fragments are followed as graphql-js follows them (each at most once along one path). That search can take
/// exponential time on fragments that spread each other repeatedly; after <see cref="MaxVisits"/> selections the
/// query is judged too deep rather than searched further, as it is when the fragments chain deeper than the stack can follow.
/// The budget is the document's, not each introspection field's: 750 repeats of one <c>__schema</c> over a fragment
/// that needs 90,000 visits took three seconds to validate with a budget per field.
/// </remarks>
public static class MaxIntrospectionDepthRule
{
    private const int MaxListsDepth = 3;

    /// <summary>How many selections the checks of one document's introspection fields may look at, together.</summary>
    public const int MaxVisits = 100_000;

    /// <summary>
    /// How many fragments deep one path may go before the query is judged too deep: the same answer on every thread,
    /// where the stack alone would decide by the thread's stack size.
    /// </summary>
    public const int MaxFragmentChain = 1_000;

    public static AstVisitor Create(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : AstVisitor
    {
        private int _visits;

        public override VisitAction Enter(Node node, AstWalkContext walk)
        {
            if (node is not FieldNode { Name.Value: "__schema" or "__type" } field) return VisitAction.Continue;
            if (!IsTooDeep(field, new HashSet<string>(), 0)) return VisitAction.Continue;
            context.ReportError(new GraphQLError("Maximum introspection depth exceeded", [field]));
            return VisitAction.SkipChildren;
        }

        // Recursion depth is bounded by the document's nesting plus its number of fragments; a chain of fragments
        // longer than the stack can follow is judged too deep, like one that needs too many visits.
        private bool IsTooDeep(Node node, HashSet<string> visitedFragments, int depth)
        {
            if (++_visits > MaxVisits || !RuntimeHelpers.TryEnsureSufficientExecutionStack()) return true;
            if (node is FragmentSpreadNode spread)
            {
                var fragmentName = spread.Name.Value;
                if (visitedFragments.Contains(fragmentName) || context.GetFragment(fragmentName) is not { } fragment) return false;
                if (visitedFragments.Count >= MaxFragmentChain) return true;
                visitedFragments.Add(fragmentName);
                try
                {
                    return IsTooDeep(fragment, visitedFragments, depth);
                }
                finally
                {
                    visitedFragments.Remove(fragmentName);
                }
            }

            if (node is FieldNode { Name.Value: "fields" or "interfaces" or "possibleTypes" or "inputFields" })
            {
                depth++;
                if (depth >= MaxListsDepth) return true;
            }

            var selectionSet = node switch
            {
                FieldNode f => f.SelectionSet,
                InlineFragmentNode i => i.SelectionSet,
                FragmentDefinitionNode d => d.SelectionSet,
                _ => null,
            };
            if (selectionSet is null) return false;
            var children = selectionSet.Selections;
            for (var i = 0; i < children.Count; i++)
                if (IsTooDeep(children[i], visitedFragments, depth)) return true;
            return false;
        }
    }
}
