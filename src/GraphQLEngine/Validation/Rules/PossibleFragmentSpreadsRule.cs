using GraphQLEngine.Error;
using GraphQLEngine.Language;
using GraphQLEngine.Type;
using GraphQLEngine.Utilities;

namespace GraphQLEngine.Validation.Rules;

/// <summary>
/// Fragment Spread Is Possible (spec §5.5.2.3): a fragment applies only where some object could be both the
/// parent type and the fragment's type.
/// </summary>
public static class PossibleFragmentSpreadsRule
{
    public static AstVisitor Create(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : AstVisitor
    {
        public override VisitAction Enter(Node node, AstWalkContext walk)
        {
            switch (node)
            {
                case InlineFragmentNode inline:
                    if (context.GetType() is ICompositeType fragType
                        && context.GetParentType() is { } parentType
                        && !TypeComparators.DoTypesOverlap(context.Schema, fragType, parentType))
                    {
                        context.ReportError(new GraphQLError(
                            $"Fragment cannot be spread here as objects of type \"{parentType.Name}\" can never be of type \"{fragType.Name}\".",
                            [inline]));
                    }
                    break;
                case FragmentSpreadNode spread:
                    var fragName = spread.Name.Value;
                    if (FragmentType(fragName) is { } spreadType
                        && context.GetParentType() is { } spreadParent
                        && !TypeComparators.DoTypesOverlap(context.Schema, spreadType, spreadParent))
                    {
                        context.ReportError(new GraphQLError(
                            $"Fragment \"{fragName}\" cannot be spread here as objects of type \"{spreadParent.Name}\" can never be of type \"{spreadType.Name}\".",
                            [spread]));
                    }
                    break;
            }
            return VisitAction.Continue;
        }

        private ICompositeType? FragmentType(string name) =>
            context.GetFragment(name) is { } fragment ? TypeFromAst.Convert(context.Schema, fragment.TypeCondition) as ICompositeType : null;
    }
}
