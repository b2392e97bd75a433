using GraphQLEngine.Error;
using GraphQLEngine.Language;

namespace GraphQLEngine.Validation.Rules;

/// <summary>Operation Name Uniqueness (spec §5.2.1.1): no two operations share a name.</summary>
public static class UniqueOperationNamesRule
{
    public static AstVisitor Create(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : AstVisitor
    {
        private readonly Dictionary<string, NameNode> _knownOperationNames = new();

        public override VisitAction Enter(Node node, AstWalkContext walk)
        {
            switch (node)
            {
                case OperationDefinitionNode { Name: { } name }:
                    if (_knownOperationNames.TryGetValue(name.Value, out var first))
                        context.ReportError(new GraphQLError($"There can be only one operation named \"{name.Value}\".", [first, name]));
                    else
                        _knownOperationNames[name.Value] = name;
                    return VisitAction.SkipChildren;
                case OperationDefinitionNode or FragmentDefinitionNode:
                    return VisitAction.SkipChildren;
                default:
                    return VisitAction.Continue;
            }
        }
    }
}
