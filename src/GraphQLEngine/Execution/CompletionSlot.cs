namespace GraphQLEngine.Execution;

/// <summary>
/// Where a value goes: a slot of a response object (a field) or of a list (an item). The response
/// path is built only when something needs it (a resolver, an error, a nested value).
/// </summary>
internal readonly struct CompletionSlot
{
    private readonly ResponsePath? _parentPath;
    private readonly string? _key;
    private readonly string? _typename;
    private readonly ResponsePath? _path;

    private CompletionSlot(IResultParent container, int index, ResponsePath? parentPath, string? key, string? typename, ResponsePath? path)
    {
        Container = container;
        Index = index;
        _parentPath = parentPath;
        _key = key;
        _typename = typename;
        _path = path;
    }

    public IResultParent Container { get; }

    public int Index { get; }

    public ResponsePath Path =>
        _path ?? (_key is null ? ResponsePath.Add(_parentPath, Index) : ResponsePath.Add(_parentPath, _key, _typename));

    public static CompletionSlot ForField(ResponseMap target, int index, string responseKey, string typename, ResponsePath? path) =>
        new(target, index, target.Path, responseKey, typename, path);

    public static CompletionSlot ForItem(ListResult list, int index, ResponsePath listPath) =>
        new(list, index, listPath, null, null, null);

    /// <summary>Field ordinals and list indices from the root to this slot, for ordering errors.</summary>
    public int[] Position()
    {
        var depth = 1;
        for (var node = Container; node.Parent is not null; node = node.Parent) depth++;
        var position = new int[depth];
        position[--depth] = Index;
        for (var node = Container; node.Parent is not null; node = node.Parent) position[--depth] = node.IndexInParent;
        return position;
    }

    /// <summary>The position of a container itself.</summary>
    public static int[] PositionOf(IResultParent container) =>
        container.Parent is null ? [] : new CompletionSlot(container.Parent, container.IndexInParent, null, null, null, null).Position();
}
