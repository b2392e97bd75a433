namespace GraphQLEngine.Language;

/// <summary>
/// Where the walk is: the chain of nodes from the root down to the parent of the node being entered or left.
/// Owned by the walker and changed as it moves; read it during a call, do not keep it.
/// </summary>
public sealed class AstWalkContext
{
    private readonly List<Node> _ancestors = new(32);

    /// <summary>The parent of the current node; null for the root.</summary>
    public Node? Parent => _ancestors.Count == 0 ? null : _ancestors[^1];

    /// <summary>The current node's ancestors, root first, parent last (the current node is not included).</summary>
    public IReadOnlyList<Node> Ancestors => _ancestors;

    /// <summary>How many ancestors the current node has: 0 for the root.</summary>
    public int Depth => _ancestors.Count;

    /// <summary>The ancestor <paramref name="levelsUp"/> levels above the current node (1 = parent), or null.</summary>
    public Node? Ancestor(int levelsUp) =>
        levelsUp >= 1 && levelsUp <= _ancestors.Count ? _ancestors[_ancestors.Count - levelsUp] : null;

    internal void Push(Node node) => _ancestors.Add(node);

    internal void Pop() => _ancestors.RemoveAt(_ancestors.Count - 1);
}
