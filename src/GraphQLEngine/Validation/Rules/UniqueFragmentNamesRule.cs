using GraphQLEngine.Error;
using GraphQLEngine.Language;

namespace GraphQLEngine.Validation.Rules;

/// <summary>Fragment Name Uniqueness (spec §5.5.1.1): no two fragments share a name.</summary>
public static class UniqueFragmentNamesRule
{
    public static AstVisitor Create(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : AstVisitor
    {
        private readonly Dictionary<string, NameNode> _knownFragmentNames = new();

        public override VisitAction Enter(Node node, AstWalkContext walk)
        {
            switch (node)
            {
                case OperationDefinitionNode:
                    return VisitAction.SkipChildren;
                case FragmentDefinitionNode fragment:
                    var name = fragment.Name.Value;
                    if (_knownFragmentNames.TryGetValue(name, out var first))
                        context.ReportError(new GraphQLError($"There can be only one fragment named \"{name}\".", [first, fragment.Name]));
                    else
                        _knownFragmentNames[name] = fragment.Name;
                    return VisitAction.SkipChildren;
                default:
                    return VisitAction.Continue;
            }
        }
    }
}
