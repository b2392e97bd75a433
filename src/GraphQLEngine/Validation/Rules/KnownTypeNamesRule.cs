using GraphQLEngine.Error;
using GraphQLEngine.Language;
using GraphQLEngine.Type;
using GraphQLEngine.Utilities;

namespace GraphQLEngine.Validation.Rules;

/// <summary>
/// Known type names (spec §5.5.1.2, §5.8.2): types named in variable definitions and fragment conditions exist
/// in the schema (or are defined in the document, for SDL).
/// </summary>
public static class KnownTypeNamesRule
{
    private static readonly string[] StandardTypeNames =
        [.. new[] { Scalars.String, Scalars.Int, Scalars.Float, Scalars.Boolean, Scalars.ID }.Select(t => t.Name),
         .. Introspection.IntrospectionTypes.Select(t => t.Name)];

    public static AstVisitor Create(ValidationContext context) => new Visitor(context);

    private sealed class Visitor : AstVisitor
    {
        private readonly ValidationContext _context;
        private readonly HashSet<string> _definedTypes = [];
        private readonly List<string> _typeNames;

        public Visitor(ValidationContext context)
        {
            _context = context;
            foreach (var definition in context.Document.Definitions)
                if (definition is TypeDefinitionNode type) _definedTypes.Add(type.Name.Value);
            _typeNames = [.. context.Schema.TypeMap.Keys, .. _definedTypes];
        }

        public override VisitAction Enter(Node node, AstWalkContext walk)
        {
            if (node is not NamedTypeNode namedType) return VisitAction.Continue;
            var typeName = namedType.Name.Value;
            if (_context.Schema.GetType(typeName) is not null || _definedTypes.Contains(typeName)) return VisitAction.Continue;

            // The top-level definition holding the reference: index 1 below the document.
            var definitionNode = walk.Ancestors.Count > 1 ? walk.Ancestors[1] : walk.Parent;
            var isSdl = definitionNode is TypeSystemDefinitionNode or TypeSystemExtensionNode;
            if (isSdl && StandardTypeNames.Contains(typeName)) return VisitAction.Continue;

            var suggestions = SuggestionList.Suggest(typeName, isSdl ? [.. StandardTypeNames, .. _typeNames] : _typeNames);
            _context.ReportError(new GraphQLError($"Unknown type \"{typeName}\"." + DidYouMean.Format(suggestions), [namedType]));
            return VisitAction.Continue;
        }
    }
}
