using GraphQLEngine.Error;
using GraphQLEngine.Language;

namespace GraphQLEngine.Validation.Rules;

/// <summary>
/// All Variables Used (spec §5.8.4): every variable an operation defines is used by it or the fragments it reaches.
/// </summary>
public static class NoUnusedVariablesRule
{
    public static AstVisitor Create(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : AstVisitor
    {
        private List<VariableDefinitionNode> _definitions = [];

        public override VisitAction Enter(Node node, AstWalkContext walk)
        {
            switch (node)
            {
                case OperationDefinitionNode:
                    _definitions = [];
                    break;
                case VariableDefinitionNode definition:
                    _definitions.Add(definition);
                    break;
            }
            return VisitAction.Continue;
        }

        public override VisitAction Leave(Node node, AstWalkContext walk)
        {
            if (node is not OperationDefinitionNode operation) return VisitAction.Continue;
            var used = context.GetRecursiveVariableUsages(operation).Select(u => u.Node.Name.Value).ToHashSet();
            foreach (var definition in _definitions)
            {
                var name = definition.Variable.Name.Value;
                if (used.Contains(name)) continue;
                context.ReportError(new GraphQLError(
                    operation.Name is { } operationName
                        ? $"Variable \"${name}\" is never used in operation \"{operationName.Value}\"."
                        : $"Variable \"${name}\" is never used.",
                    [definition]));
            }
            return VisitAction.Continue;
        }
    }
}
