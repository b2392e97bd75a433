using GraphQLEngine.Error;
using GraphQLEngine.Language;

namespace GraphQLEngine.Validation.Rules;

/// <summary>Lone Anonymous Operation (spec §5.2.2.1): an anonymous operation must be the document's only operation.</summary>
public static class LoneAnonymousOperationRule
{
    public static AstVisitor Create(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : AstVisitor
    {
        private int _operationCount;

        public override VisitAction Enter(Node node, AstWalkContext walk)
        {
            switch (node)
            {
                case DocumentNode document:
                    _operationCount = document.Definitions.Count(d => d is OperationDefinitionNode);
                    break;
                case OperationDefinitionNode { Name: null } operation when _operationCount > 1:
                    context.ReportError(new GraphQLError("This anonymous operation must be the only defined operation.", [operation]));
                    break;
            }
            return VisitAction.Continue;
        }
    }
}
