using GraphQLEngine.Language;

namespace GraphQLEngine.Utilities;

/// <summary>
/// graphql-js's <c>visitWithTypeInfo</c>: wraps a visitor so that <see cref="TypeInfo"/> is entered before
/// and left after the wrapped visitor sees each node, keeping it in step even when the visitor skips a subtree.
/// </summary>
public sealed class TypeInfoVisitor(TypeInfo typeInfo, AstVisitor visitor) : AstVisitor
{
    public override VisitAction Enter(Node node, AstWalkContext context)
    {
        typeInfo.Enter(node);
        var action = visitor.Enter(node, context);
        // The walker will not call Leave for a skipped node, so undo its Enter now.
        if (action != VisitAction.Continue) typeInfo.Leave(node);
        return action;
    }

    public override VisitAction Leave(Node node, AstWalkContext context)
    {
        var action = visitor.Leave(node, context);
        typeInfo.Leave(node);
        return action;
    }
}
