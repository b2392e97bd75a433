using GraphQLEngine.Error;
using GraphQLEngine.Language;
using GraphQLEngine.Type;
using GraphQLEngine.Utilities;

namespace GraphQLEngine.Validation.Rules;

/// <summary>Variables Are Input Types (spec §5.8.2): variables are scalars, enums, input objects or wrappers of them.</summary>
public static class VariablesAreInputTypesRule
{
    public static AstVisitor Create(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : AstVisitor
    {
        public override VisitAction Enter(Node node, AstWalkContext walk)
        {
            if (node is VariableDefinitionNode definition
                && TypeFromAst.Convert(context.Schema, definition.Type) is { } type
                && !type.IsInputType())
            {
                context.ReportError(new GraphQLError(
                    $"Variable \"${definition.Variable.Name.Value}\" cannot be non-input type \"{Printer.Print(definition.Type)}\".",
                    [definition.Type]));
            }
            return VisitAction.Continue;
        }
    }
}
