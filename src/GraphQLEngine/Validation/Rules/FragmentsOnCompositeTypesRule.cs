using GraphQLEngine.Error;
using GraphQLEngine.Language;
using GraphQLEngine.Type;
using GraphQLEngine.Utilities;

namespace GraphQLEngine.Validation.Rules;

/// <summary>Fragments On Composite Types (spec §5.5.1.3): type conditions name objects, interfaces or unions.</summary>
public static class FragmentsOnCompositeTypesRule
{
    public static AstVisitor Create(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : AstVisitor
    {
        public override VisitAction Enter(Node node, AstWalkContext walk)
        {
            switch (node)
            {
                case InlineFragmentNode { TypeCondition: { } condition } when IsNonComposite(condition):
                    context.ReportError(new GraphQLError(
                        $"Fragment cannot condition on non composite type \"{Printer.Print(condition)}\".", [condition]));
                    break;
                case FragmentDefinitionNode fragment when IsNonComposite(fragment.TypeCondition):
                    context.ReportError(new GraphQLError(
                        $"Fragment \"{fragment.Name.Value}\" cannot condition on non composite type \"{Printer.Print(fragment.TypeCondition)}\".",
                        [fragment.TypeCondition]));
                    break;
            }
            return VisitAction.Continue;
        }

        // Unknown types are KnownTypeNamesRule's to report.
        private bool IsNonComposite(NamedTypeNode condition) =>
            TypeFromAst.Convert(context.Schema, condition) is { } type && !type.IsCompositeType();
    }
}
