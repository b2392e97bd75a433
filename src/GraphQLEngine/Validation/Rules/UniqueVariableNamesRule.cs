using GraphQLEngine.Error;
using GraphQLEngine.Language;

namespace GraphQLEngine.Validation.Rules;

/// <summary>Variable Uniqueness (spec §5.8.1): an operation defines each variable once.</summary>
public static class UniqueVariableNamesRule
{
    public static AstVisitor Create(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : AstVisitor
    {
        public override VisitAction Enter(Node node, AstWalkContext walk)
        {
            if (node is not OperationDefinitionNode operation) return VisitAction.Continue;
            // GroupBy keeps first-occurrence order, as graphql-js's groupBy (a Map) does.
            foreach (var group in operation.VariableDefinitions.GroupBy(d => d.Variable.Name.Value))
            {
                var definitions = group.ToList();
                if (definitions.Count > 1)
                {
                    context.ReportError(new GraphQLError(
                        $"There can be only one variable named \"${group.Key}\".",
                        definitions.Select(d => (Node)d.Variable.Name).ToList()));
                }
            }
            return VisitAction.Continue;
        }
    }
}
