using GraphQLEngine.Error;
using GraphQLEngine.Language;

namespace GraphQLEngine.Validation.Rules;

/// <summary>
/// Directives Are Defined and In Valid Locations (spec §5.7.1, §5.7.2): every directive is known to the schema (or
/// defined in the document) and allowed where it is used.
/// </summary>
public static class KnownDirectivesRule
{
    public static AstVisitor Create(ValidationContext context) => new Visitor(context);

    private sealed class Visitor : AstVisitor
    {
        private readonly ValidationContext _context;
        private readonly Dictionary<string, IReadOnlyList<string>> _locationsByDirective = new();

        public Visitor(ValidationContext context)
        {
            _context = context;
            foreach (var directive in context.Schema.Directives)
                _locationsByDirective[directive.Name] = directive.Locations.Select(l => l.ToName()).ToList();
            foreach (var definition in context.Document.Definitions)
                if (definition is DirectiveDefinitionNode directiveDefinition)
                    _locationsByDirective[directiveDefinition.Name.Value] = directiveDefinition.Locations.Select(l => l.Value).ToList();
        }

        public override VisitAction Enter(Node node, AstWalkContext walk)
        {
            if (node is not DirectiveNode directive) return VisitAction.Continue;
            var name = directive.Name.Value;
            if (!_locationsByDirective.TryGetValue(name, out var locations))
            {
                _context.ReportError(new GraphQLError($"Unknown directive \"@{name}\".", [directive]));
                return VisitAction.Continue;
            }
            var candidateLocation = LocationOf(walk);
            if (candidateLocation is { } location && !locations.Contains(location.ToName()))
            {
                _context.ReportError(new GraphQLError($"Directive \"@{name}\" may not be used on {location.ToName()}.", [directive]));
            }
            return VisitAction.Continue;
        }

        /// <summary>Where the directive being visited is applied, judged by the node that holds it.</summary>
        private static DirectiveLocation? LocationOf(AstWalkContext walk) => walk.Parent switch
        {
            OperationDefinitionNode operation => operation.Operation switch
            {
                OperationType.Query => DirectiveLocation.Query,
                OperationType.Mutation => DirectiveLocation.Mutation,
                _ => DirectiveLocation.Subscription,
            },
            FieldNode => DirectiveLocation.Field,
            FragmentSpreadNode => DirectiveLocation.FragmentSpread,
            InlineFragmentNode => DirectiveLocation.InlineFragment,
            FragmentDefinitionNode => DirectiveLocation.FragmentDefinition,
            VariableDefinitionNode => DirectiveLocation.VariableDefinition,
            SchemaDefinitionNode or SchemaExtensionNode => DirectiveLocation.Schema,
            ScalarTypeDefinitionNode or ScalarTypeExtensionNode => DirectiveLocation.Scalar,
            ObjectTypeDefinitionNode or ObjectTypeExtensionNode => DirectiveLocation.Object,
            FieldDefinitionNode => DirectiveLocation.FieldDefinition,
            InterfaceTypeDefinitionNode or InterfaceTypeExtensionNode => DirectiveLocation.Interface,
            UnionTypeDefinitionNode or UnionTypeExtensionNode => DirectiveLocation.Union,
            EnumTypeDefinitionNode or EnumTypeExtensionNode => DirectiveLocation.Enum,
            EnumValueDefinitionNode => DirectiveLocation.EnumValue,
            InputObjectTypeDefinitionNode or InputObjectTypeExtensionNode => DirectiveLocation.InputObject,
            InputValueDefinitionNode => walk.Ancestor(2) is InputObjectTypeDefinitionNode
                ? DirectiveLocation.InputFieldDefinition
                : DirectiveLocation.ArgumentDefinition,
            _ => null,
        };
    }
}
