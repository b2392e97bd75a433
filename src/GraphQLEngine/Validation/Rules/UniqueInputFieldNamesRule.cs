using GraphQLEngine.Error;
using GraphQLEngine.Language;

namespace GraphQLEngine.Validation.Rules;

/// <summary>Input Object Field Uniqueness (spec §5.6.3): an input object literal gives each field once.</summary>
public static class UniqueInputFieldNamesRule
{
    public static AstVisitor Create(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : AstVisitor
    {
        private readonly Stack<Dictionary<string, NameNode>> _knownNameStack = new();
        private Dictionary<string, NameNode> _knownNames = new();

        public override VisitAction Enter(Node node, AstWalkContext walk)
        {
            switch (node)
            {
                case ObjectValueNode:
                    _knownNameStack.Push(_knownNames);
                    _knownNames = new();
                    break;
                case ObjectFieldNode field:
                    var name = field.Name.Value;
                    if (_knownNames.TryGetValue(name, out var first))
                        context.ReportError(new GraphQLError($"There can be only one input field named \"{name}\".", [first, field.Name]));
                    else
                        _knownNames[name] = field.Name;
                    break;
            }
            return VisitAction.Continue;
        }

        public override VisitAction Leave(Node node, AstWalkContext walk)
        {
            if (node is ObjectValueNode) _knownNames = _knownNameStack.Pop();
            return VisitAction.Continue;
        }
    }
}
