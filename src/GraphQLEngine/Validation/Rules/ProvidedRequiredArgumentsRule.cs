using GraphQLEngine.Error;
using GraphQLEngine.Language;

namespace GraphQLEngine.Validation.Rules;

/// <summary>
/// Required Arguments (spec §5.4.2.1): every non-null argument without a default is given, on fields and directives.
/// </summary>
public static class ProvidedRequiredArgumentsRule
{
    public static AstVisitor Create(ValidationContext context) => new Visitor(context);

    private sealed class Visitor : AstVisitor
    {
        private readonly ValidationContext _context;

        // Per directive, its required arguments' names and printed types, in declaration order.
        private readonly Dictionary<string, IReadOnlyList<(string Name, string Type)>> _requiredDirectiveArgs = new();

        public Visitor(ValidationContext context)
        {
            _context = context;
            foreach (var directive in context.Schema.Directives)
                _requiredDirectiveArgs[directive.Name] = directive.Args.Where(a => a.IsRequired).Select(a => (a.Name, a.Type.ToString())).ToList();
            foreach (var definition in context.Document.Definitions)
            {
                if (definition is not DirectiveDefinitionNode directiveDefinition) continue;
                _requiredDirectiveArgs[directiveDefinition.Name.Value] = directiveDefinition.Arguments
                    .Where(a => a.Type is NonNullTypeNode && a.DefaultValue is null)
                    .Select(a => (a.Name.Value, Printer.Print(a.Type)))
                    .ToList();
            }
        }

        public override VisitAction Leave(Node node, AstWalkContext walk)
        {
            switch (node)
            {
                case FieldNode field when _context.GetFieldDef() is { } fieldDef:
                    foreach (var argDef in fieldDef.Args)
                    {
                        if (!argDef.IsRequired || field.Arguments.Any(a => a.Name.Value == argDef.Name)) continue;
                        _context.ReportError(new GraphQLError(
                            $"Field \"{fieldDef.Name}\" argument \"{argDef.Name}\" of type \"{argDef.Type}\" is required, but it was not provided.",
                            [field]));
                    }
                    break;
                case DirectiveNode directive when _requiredDirectiveArgs.TryGetValue(directive.Name.Value, out var required):
                    foreach (var (argName, argType) in required)
                    {
                        if (directive.Arguments.Any(a => a.Name.Value == argName)) continue;
                        _context.ReportError(new GraphQLError(
                            $"Directive \"@{directive.Name.Value}\" argument \"{argName}\" of type \"{argType}\" is required, but it was not provided.",
                            [directive]));
                    }
                    break;
            }
            return VisitAction.Continue;
        }
    }
}
