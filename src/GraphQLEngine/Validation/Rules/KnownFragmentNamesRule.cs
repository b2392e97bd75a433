using GraphQLEngine.Error;
using GraphQLEngine.Language;

namespace GraphQLEngine.Validation.Rules;

/// <summary>Fragment Spread Target Defined (spec §5.5.2.1): every spread names a fragment of the document.</summary>
public static class KnownFragmentNamesRule
{
    public static AstVisitor Create(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : AstVisitor
    {
        public override VisitAction Enter(Node node, AstWalkContext walk)
        {
            if (node is FragmentSpreadNode spread && context.GetFragment(spread.Name.Value) is null)
                context.ReportError(new GraphQLError($"Unknown fragment \"{spread.Name.Value}\".", [spread.Name]));
            return VisitAction.Continue;
        }
    }
}
