namespace GraphQLEngine.Execution;

/// <summary>Access to the request's data loaders from a resolver.</summary>
public static class DataLoaderContextExtensions
{
    /// <summary>The request's loader registry (created on first use when the context did not come from the executor).</summary>
    public static DataLoaderRegistry GetDataLoaderRegistry(this ResolveContext context) =>
        (DataLoaderRegistry)context.Items.GetOrAdd(DataLoaderRegistry.ItemsKey, static _ => new DataLoaderRegistry())!;

    /// <summary>
    /// The request's loader called <paramref name="name"/>, created with <paramref name="batchFunction"/> on first use:
    /// <code>
    /// var project = await context
    ///     .GetDataLoader&lt;int, Project&gt;("projectById", async (ids, ct) => (await repository.ByIdsAsync(ids, ct)).ToDictionary(p => p.Id))
    ///     .LoadAsync(revenue.ProjectId);
    /// </code>
    /// </summary>
    /// <exception cref="InvalidOperationException">A loader of that name exists with other key or value types.</exception>
    public static DataLoader<TKey, TValue> GetDataLoader<TKey, TValue>(
        this ResolveContext context,
        string name,
        Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> batchFunction,
        DataLoaderOptions? options = null) where TKey : notnull =>
        context.GetDataLoaderRegistry().GetOrAdd(name, batchFunction, options);
}
