using GraphQLEngine.Error;
using GraphQLEngine.Language;

namespace GraphQLEngine.Validation.Rules;

/// <summary>
/// Fragment spreads must not form cycles (spec §5.5.2.2). Each cycle is reported once, from the first fragment of
/// the document on it, with the spreads that close it.
/// </summary>
public static class NoFragmentCyclesRule
{
    public static AstVisitor Create(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : AstVisitor
    {
        private readonly HashSet<string> _visitedFragments = [];
        private readonly List<FragmentSpreadNode> _spreadPath = [];
        private readonly Dictionary<string, int> _spreadPathIndexByName = new();

        public override VisitAction Enter(Node node, AstWalkContext walk)
        {
            switch (node)
            {
                case OperationDefinitionNode:
                    return VisitAction.SkipChildren;
                case FragmentDefinitionNode fragment:
                    DetectCycles(fragment);
                    return VisitAction.SkipChildren;
                default:
                    return VisitAction.Continue;
            }
        }

        // graphql-js's recursive depth-first search, run on an explicit stack so that a long chain of fragments
        // cannot exhaust the thread's stack. Errors come out in the same order.
        private void DetectCycles(FragmentDefinitionNode fragment)
        {
            var stack = new Stack<Frame>();
            if (Enter(fragment) is { } root) stack.Push(root);
            while (stack.TryPeek(out var frame))
            {
                if (frame.Next == frame.Spreads.Count)
                {
                    _spreadPathIndexByName.Remove(frame.FragmentName);
                    stack.Pop();
                    // Leaving a fragment entered through a spread: that spread leaves the path too.
                    if (stack.Count > 0) _spreadPath.RemoveAt(_spreadPath.Count - 1);
                    continue;
                }

                var spreadNode = frame.Spreads[frame.Next++];
                var spreadName = spreadNode.Name.Value;
                _spreadPath.Add(spreadNode);
                if (!_spreadPathIndexByName.TryGetValue(spreadName, out var cycleIndex))
                {
                    if (context.GetFragment(spreadName) is { } spreadFragment && Enter(spreadFragment) is { } inner)
                    {
                        stack.Push(inner);
                        continue;
                    }
                }
                else
                {
                    ReportCycle(spreadName, cycleIndex);
                }
                _spreadPath.RemoveAt(_spreadPath.Count - 1);
            }
        }

        /// <summary>Marks the fragment visited; a frame to explore when it is new and spreads something.</summary>
        private Frame? Enter(FragmentDefinitionNode fragment)
        {
            var fragmentName = fragment.Name.Value;
            if (!_visitedFragments.Add(fragmentName)) return null;
            var spreadNodes = context.GetFragmentSpreads(fragment.SelectionSet);
            if (spreadNodes.Count == 0) return null;
            _spreadPathIndexByName[fragmentName] = _spreadPath.Count;
            return new Frame(fragmentName, spreadNodes);
        }

        private void ReportCycle(string spreadName, int cycleIndex)
        {
            var cyclePath = _spreadPath.Skip(cycleIndex).ToList();
            var viaPath = string.Join(", ", cyclePath.Take(cyclePath.Count - 1).Select(s => $"\"{s.Name.Value}\""));
            context.ReportError(new GraphQLError(
                $"Cannot spread fragment \"{spreadName}\" within itself" + (viaPath.Length != 0 ? $" via {viaPath}." : "."),
                cyclePath));
        }

        private sealed class Frame(string fragmentName, IReadOnlyList<FragmentSpreadNode> spreads)
        {
            public string FragmentName { get; } = fragmentName;
            public IReadOnlyList<FragmentSpreadNode> Spreads { get; } = spreads;
            public int Next { get; set; }
        }
    }
}
