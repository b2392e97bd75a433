using GraphQLEngine.Error;
using GraphQLEngine.Language;

namespace GraphQLEngine.Validation.Rules;

/// <summary>Fragments Must Be Used (spec §5.5.1.4): every fragment is reached from some operation.</summary>
public static class NoUnusedFragmentsRule
{
    public static AstVisitor Create(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : AstVisitor
    {
        private readonly List<OperationDefinitionNode> _operations = [];
        private readonly List<FragmentDefinitionNode> _fragments = [];

        public override VisitAction Enter(Node node, AstWalkContext walk)
        {
            switch (node)
            {
                case OperationDefinitionNode operation:
                    _operations.Add(operation);
                    return VisitAction.SkipChildren;
                case FragmentDefinitionNode fragment:
                    _fragments.Add(fragment);
                    return VisitAction.SkipChildren;
                default:
                    return VisitAction.Continue;
            }
        }

        public override VisitAction Leave(Node node, AstWalkContext walk)
        {
            if (node is not DocumentNode) return VisitAction.Continue;
            var used = new HashSet<string>();
            foreach (var operation in _operations)
                foreach (var fragment in context.GetRecursivelyReferencedFragments(operation))
                    used.Add(fragment.Name.Value);
            foreach (var fragment in _fragments)
                if (!used.Contains(fragment.Name.Value))
                    context.ReportError(new GraphQLError($"Fragment \"{fragment.Name.Value}\" is never used.", [fragment]));
            return VisitAction.Continue;
        }
    }
}
