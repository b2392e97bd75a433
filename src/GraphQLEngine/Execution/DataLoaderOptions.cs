namespace GraphQLEngine.Execution;

/// <summary>How a <see cref="DataLoader{TKey,TValue}"/> batches.</summary>
public sealed record DataLoaderOptions
{
    public static DataLoaderOptions Default { get; } = new();

    /// <summary>At most this many keys per batch call (e.g. to respect a database's parameter limit); null for no limit.</summary>
    public int? MaxBatchSize { get; init; }
}
