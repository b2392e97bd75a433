namespace DepinApi.ReadModel;

/// <summary>
/// The <see cref="ListBounds"/> in force, kept in step with the data by the GraphQL cost's refresher; null until first
/// read. One instance is shared by what charges by them: the GraphQL cost and the REST figure search.
/// </summary>
public sealed class CurrentListBounds
{
    private volatile ListBounds? value;

    public ListBounds? Value
    {
        get => value;
        set => this.value = value;
    }
}
