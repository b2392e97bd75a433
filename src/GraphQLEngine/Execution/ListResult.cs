namespace GraphQLEngine.Execution;

/// <summary>Bookkeeping for a list value in the response; the response itself holds <see cref="Items"/>.</summary>
internal sealed class ListResult(object?[] items, IResultParent parent, int indexInParent, bool nonNullInParent) : IResultParent
{
    public object?[] Items { get; } = items;

    public IResultParent? Parent { get; } = parent;

    public int IndexInParent { get; } = indexInParent;

    public bool NonNullInParent { get; } = nonNullInParent;

    public int[]? NulledBy { get; set; }

    public void SetChild(int index, object? value) => Items[index] = value;
}
