using GraphQLEngine.Error;
using GraphQLEngine.Language;
using GraphQLEngine.Type;

namespace GraphQLEngine.Validation.Rules;

/// <summary>Leaf Field Selections (spec §5.3.3): leaves have no selection set, composite fields have a non-empty one.</summary>
public static class ScalarLeafsRule
{
    public static AstVisitor Create(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : AstVisitor
    {
        public override VisitAction Enter(Node node, AstWalkContext walk)
        {
            if (node is not FieldNode field || context.GetType() is not { } type) return VisitAction.Continue;
            var fieldName = field.Name.Value;
            if (type.GetNamedType().IsLeafType())
            {
                if (field.SelectionSet is { } selectionSet)
                {
                    context.ReportError(new GraphQLError(
                        $"Field \"{fieldName}\" must not have a selection since type \"{type}\" has no subfields.", [selectionSet]));
                }
            }
            else if (field.SelectionSet is null)
            {
                context.ReportError(new GraphQLError(
                    $"Field \"{fieldName}\" of type \"{type}\" must have a selection of subfields. Did you mean \"{fieldName} {{ ... }}\"?", [field]));
            }
            else if (field.SelectionSet.Selections.Count == 0)
            {
                context.ReportError(new GraphQLError(
                    $"Field \"{fieldName}\" of type \"{type}\" must have at least one field selected.", [field]));
            }
            return VisitAction.Continue;
        }
    }
}
