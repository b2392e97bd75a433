namespace GraphQLEngine.Language;

/// <summary>
/// Base class for code that reacts to nodes of a syntax tree, walked depth-first by <see cref="AstWalker"/>.
/// </summary>
/// <remarks>
/// <para>
/// Override <see cref="Enter"/> and/or <see cref="Leave"/> and switch on the node's type, e.g.
/// <code>
/// public override VisitAction Enter(Node node, AstWalkContext context)
/// {
///     if (node is FieldNode field) { … }
///     else if (node is FragmentDefinitionNode) return VisitAction.SkipChildren;
///     return VisitAction.Continue;
/// }
/// </code>
/// </para>
/// <para>
/// Children are visited in the order of graphql-js's <c>QueryDocumentKeys</c>, so messages come out in the
/// same order as graphql-js's: e.g. a field visits its alias, name, arguments, directives, then selection set;
/// an operation its name, variable definitions, directives, then selection set. Names (<see cref="NameNode"/>)
/// are visited too. Absent optional children (null) are not visited.
/// </para>
/// <para>
/// One instance is walked by one thread at a time; visitors normally keep state in fields (e.g. the
/// errors found so far). Several visitors share one traversal through <see cref="ParallelVisitor"/>.
/// </para>
/// </remarks>
public abstract class AstVisitor
{
    /// <summary>
    /// Called before the node's children. <paramref name="context"/> gives its parent and ancestors
    /// (the node itself is not yet among them). Return <see cref="VisitAction.SkipChildren"/> to skip the
    /// subtree (then <see cref="Leave"/> is not called for this node) or <see cref="VisitAction.Break"/> to stop.
    /// </summary>
    public virtual VisitAction Enter(Node node, AstWalkContext context) => VisitAction.Continue;

    /// <summary>
    /// Called after the node's children, with the same <paramref name="context"/> view as in <see cref="Enter"/>.
    /// Return <see cref="VisitAction.Break"/> to stop the walk; anything else continues.
    /// </summary>
    public virtual VisitAction Leave(Node node, AstWalkContext context) => VisitAction.Continue;
}
