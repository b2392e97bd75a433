using GraphQLEngine.Error;
using GraphQLEngine.Language;
using GraphQLEngine.Utilities;

namespace GraphQLEngine.Validation.Rules;

/// <summary>
/// Argument Names (spec §5.4.1): every argument given to a field or directive is defined by it. Unknown fields and
/// directives are other rules' to report.
/// </summary>
public static class KnownArgumentNamesRule
{
    public static AstVisitor Create(ValidationContext context) => new Visitor(context);

    private sealed class Visitor : AstVisitor
    {
        private readonly ValidationContext _context;
        private readonly Dictionary<string, IReadOnlyList<string>> _directiveArgs = new();

        public Visitor(ValidationContext context)
        {
            _context = context;
            foreach (var directive in context.Schema.Directives)
                _directiveArgs[directive.Name] = directive.Args.Select(a => a.Name).ToList();
            foreach (var definition in context.Document.Definitions)
                if (definition is DirectiveDefinitionNode directiveDefinition)
                    _directiveArgs[directiveDefinition.Name.Value] = directiveDefinition.Arguments.Select(a => a.Name.Value).ToList();
        }

        public override VisitAction Enter(Node node, AstWalkContext walk)
        {
            switch (node)
            {
                case DirectiveNode directive:
                    CheckDirective(directive);
                    // A directive's arguments are dealt with here, not by the field check below.
                    return VisitAction.SkipChildren;
                case ArgumentNode argument:
                    CheckFieldArgument(argument);
                    break;
            }
            return VisitAction.Continue;
        }

        private void CheckDirective(DirectiveNode directive)
        {
            var directiveName = directive.Name.Value;
            if (!_directiveArgs.TryGetValue(directiveName, out var knownArgs)) return;
            foreach (var argument in directive.Arguments)
            {
                var argName = argument.Name.Value;
                if (knownArgs.Contains(argName)) continue;
                _context.ReportError(new GraphQLError(
                    $"Unknown argument \"{argName}\" on directive \"@{directiveName}\"." + DidYouMean.Format(SuggestionList.Suggest(argName, knownArgs)),
                    [argument]));
            }
        }

        private void CheckFieldArgument(ArgumentNode argument)
        {
            if (_context.GetArgument() is not null || _context.GetFieldDef() is not { } fieldDef || _context.GetParentType() is not { } parentType)
                return;
            var argName = argument.Name.Value;
            var suggestions = SuggestionList.Suggest(argName, fieldDef.Args.Select(a => a.Name));
            _context.ReportError(new GraphQLError(
                $"Unknown argument \"{argName}\" on field \"{parentType.Name}.{fieldDef.Name}\"." + DidYouMean.Format(suggestions),
                [argument]));
        }
    }
}
