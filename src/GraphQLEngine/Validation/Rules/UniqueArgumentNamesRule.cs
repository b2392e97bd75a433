using GraphQLEngine.Error;
using GraphQLEngine.Language;

namespace GraphQLEngine.Validation.Rules;

/// <summary>Argument Uniqueness (spec §5.4.2): a field or directive is given each argument once.</summary>
public static class UniqueArgumentNamesRule
{
    public static AstVisitor Create(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : AstVisitor
    {
        public override VisitAction Enter(Node node, AstWalkContext walk)
        {
            switch (node)
            {
                case FieldNode field:
                    Check(field.Arguments);
                    break;
                case DirectiveNode directive:
                    Check(directive.Arguments);
                    break;
            }
            return VisitAction.Continue;
        }

        private void Check(IReadOnlyList<ArgumentNode> arguments)
        {
            foreach (var group in arguments.GroupBy(a => a.Name.Value))
            {
                var nodes = group.ToList();
                if (nodes.Count > 1)
                {
                    context.ReportError(new GraphQLError(
                        $"There can be only one argument named \"{group.Key}\".", nodes.Select(a => (Node)a.Name).ToList()));
                }
            }
        }
    }
}
