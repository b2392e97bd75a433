using GraphQLEngine.Error;
using GraphQLEngine.Language;

namespace GraphQLEngine.Validation.Rules;

/// <summary>
/// Executable Definitions (spec §5.1.1): a document meant for execution holds only operations and fragments.
/// </summary>
public static class ExecutableDefinitionsRule
{
    public static AstVisitor Create(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : AstVisitor
    {
        public override VisitAction Enter(Node node, AstWalkContext walk)
        {
            if (node is not DocumentNode document) return VisitAction.Continue;
            foreach (var definition in document.Definitions)
            {
                if (definition is ExecutableDefinitionNode) continue;
                var name = definition is SchemaDefinitionNode or SchemaExtensionNode
                    ? "schema"
                    : $"\"{NameOf(definition)}\"";
                context.ReportError(new GraphQLError($"The {name} definition is not executable.", [definition]));
            }
            // Nothing below the document concerns this rule.
            return VisitAction.SkipChildren;
        }

        private static string NameOf(DefinitionNode definition) => definition switch
        {
            TypeDefinitionNode type => type.Name.Value,
            TypeExtensionNode extension => extension.Name.Value,
            DirectiveDefinitionNode directive => directive.Name.Value,
            _ => "",
        };
    }
}
