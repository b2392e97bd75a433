using GraphQLEngine.Error;
using GraphQLEngine.Language;

namespace GraphQLEngine.Validation.Rules;

/// <summary>
/// All Variable Uses Defined (spec §5.8.3): every variable used by an operation, directly or in the fragments it
/// reaches, is defined by that operation.
/// </summary>
public static class NoUndefinedVariablesRule
{
    public static AstVisitor Create(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : AstVisitor
    {
        private HashSet<string> _defined = [];

        public override VisitAction Enter(Node node, AstWalkContext walk)
        {
            switch (node)
            {
                case OperationDefinitionNode:
                    _defined = [];
                    break;
                case VariableDefinitionNode definition:
                    _defined.Add(definition.Variable.Name.Value);
                    break;
            }
            return VisitAction.Continue;
        }

        public override VisitAction Leave(Node node, AstWalkContext walk)
        {
            if (node is not OperationDefinitionNode operation) return VisitAction.Continue;
            foreach (var usage in context.GetRecursiveVariableUsages(operation))
            {
                var name = usage.Node.Name.Value;
                if (_defined.Contains(name)) continue;
                context.ReportError(new GraphQLError(
                    operation.Name is { } operationName
                        ? $"Variable \"${name}\" is not defined by operation \"{operationName.Value}\"."
                        : $"Variable \"${name}\" is not defined.",
                    [usage.Node, operation]));
            }
            return VisitAction.Continue;
        }
    }
}
