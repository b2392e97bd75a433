namespace GraphQLEngine.Language;

/// <summary>
/// Runs several visitors over one traversal (graphql-js's <c>visitInParallel</c>), which is how validation runs
/// all its rules in a single walk. At each node the visitors are called in list order. A visitor that returns
/// <see cref="VisitAction.SkipChildren"/> sees nothing more until the walk leaves that node (and is not called to
/// leave it); one that returns <see cref="VisitAction.Break"/> sees nothing more at all. Others are unaffected.
/// </summary>
public sealed class ParallelVisitor : AstVisitor
{
    private static readonly object Broken = new();

    private readonly AstVisitor[] _visitors;

    // Per visitor: null when active, the node whose subtree it skips, or Broken.
    private readonly object?[] _skipping;
    private int _brokenCount;

    public ParallelVisitor(IReadOnlyList<AstVisitor> visitors)
    {
        ArgumentNullException.ThrowIfNull(visitors);
        _visitors = visitors.ToArray();
        _skipping = new object?[_visitors.Length];
    }

    public override VisitAction Enter(Node node, AstWalkContext context)
    {
        for (var i = 0; i < _visitors.Length; i++)
        {
            if (_skipping[i] is not null) continue;
            switch (_visitors[i].Enter(node, context))
            {
                case VisitAction.SkipChildren:
                    _skipping[i] = node;
                    break;
                case VisitAction.Break:
                    _skipping[i] = Broken;
                    _brokenCount++;
                    break;
            }
        }
        // Once every visitor has stopped there is nothing left to walk for.
        return _brokenCount == _visitors.Length ? VisitAction.Break : VisitAction.Continue;
    }

    public override VisitAction Leave(Node node, AstWalkContext context)
    {
        for (var i = 0; i < _visitors.Length; i++)
        {
            var skipping = _skipping[i];
            if (skipping is null)
            {
                if (_visitors[i].Leave(node, context) == VisitAction.Break)
                {
                    _skipping[i] = Broken;
                    _brokenCount++;
                }
            }
            else if (ReferenceEquals(skipping, node))
            {
                _skipping[i] = null;
            }
        }
        return _brokenCount == _visitors.Length ? VisitAction.Break : VisitAction.Continue;
    }
}
