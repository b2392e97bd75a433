namespace GraphQLEngine.Execution;

/// <summary>What the <see cref="DataLoaderRegistry"/> needs of a loader, whatever its key and value types.</summary>
internal interface IDataLoader
{
    bool HasQueuedKeys { get; }

    /// <summary>Takes every queued key, as one batch or several of at most the maximum batch size.</summary>
    IEnumerable<DataLoaderBatch> TakeBatches();
}
