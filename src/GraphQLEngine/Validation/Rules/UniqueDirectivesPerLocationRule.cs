using GraphQLEngine.Error;
using GraphQLEngine.Language;

namespace GraphQLEngine.Validation.Rules;

/// <summary>
/// Directives Are Unique Per Location (spec §5.7.3): a non-repeatable directive appears at most once where it is
/// used. For SDL, a type's definition and its extensions count as one location, as do the schema's.
/// </summary>
public static class UniqueDirectivesPerLocationRule
{
    public static AstVisitor Create(ValidationContext context) => new Visitor(context);

    private sealed class Visitor : AstVisitor
    {
        private readonly ValidationContext _context;
        private readonly Dictionary<string, bool> _isUniqueByName = new();
        private readonly Dictionary<string, DirectiveNode> _schemaDirectives = new();
        private readonly Dictionary<string, Dictionary<string, DirectiveNode>> _typeDirectives = new();

        public Visitor(ValidationContext context)
        {
            _context = context;
            foreach (var directive in context.Schema.Directives) _isUniqueByName[directive.Name] = !directive.IsRepeatable;
            foreach (var definition in context.Document.Definitions)
                if (definition is DirectiveDefinitionNode directiveDefinition)
                    _isUniqueByName[directiveDefinition.Name.Value] = !directiveDefinition.Repeatable;
        }

        public override VisitAction Enter(Node node, AstWalkContext walk)
        {
            // Most nodes carry no directive: nothing to check, and no dictionary made for each of them.
            if (DirectivesOf(node) is not { Count: > 0 } directives) return VisitAction.Continue;

            Dictionary<string, DirectiveNode> seen;
            switch (node)
            {
                case SchemaDefinitionNode or SchemaExtensionNode:
                    seen = _schemaDirectives;
                    break;
                case TypeDefinitionNode or TypeExtensionNode:
                    var typeName = node is TypeDefinitionNode definition ? definition.Name.Value : ((TypeExtensionNode)node).Name.Value;
                    if (!_typeDirectives.TryGetValue(typeName, out seen!)) _typeDirectives[typeName] = seen = new();
                    break;
                default:
                    // One location's own directives: a lone one cannot repeat.
                    if (directives.Count < 2) return VisitAction.Continue;
                    seen = new();
                    break;
            }

            foreach (var directive in directives)
            {
                var name = directive.Name.Value;
                if (!_isUniqueByName.GetValueOrDefault(name)) continue;
                if (seen.TryGetValue(name, out var first))
                    _context.ReportError(new GraphQLError($"The directive \"@{name}\" can only be used once at this location.", [first, directive]));
                else
                    seen[name] = directive;
            }
            return VisitAction.Continue;
        }

        private static IReadOnlyList<DirectiveNode>? DirectivesOf(Node node) => node switch
        {
            ExecutableDefinitionNode n => n.Directives,
            SelectionNode n => n.Directives,
            VariableDefinitionNode n => n.Directives,
            SchemaDefinitionNode n => n.Directives,
            SchemaExtensionNode n => n.Directives,
            TypeDefinitionNode n => n.Directives,
            TypeExtensionNode n => n.Directives,
            FieldDefinitionNode n => n.Directives,
            InputValueDefinitionNode n => n.Directives,
            EnumValueDefinitionNode n => n.Directives,
            _ => null,
        };
    }
}
