namespace GraphQLEngine.Execution;

/// <summary>
/// One call of a loader's batch function, in two steps so that the executor controls when waiting
/// resolvers resume: <see cref="RunAsync"/> fetches (anywhere), <see cref="Deliver"/> completes the
/// waiting loads (on the executor's flow, so their continuations run before it looks for more work).
/// </summary>
internal abstract class DataLoaderBatch
{
    /// <summary>Runs the batch function; never throws: a failure is delivered to every waiting load.</summary>
    public abstract Task RunAsync(CancellationToken cancellationToken);

    /// <summary>Completes every load of the batch with its value (or the batch's failure).</summary>
    public abstract void Deliver();

    /// <summary>Completes every load of the batch as cancelled, without running it.</summary>
    public abstract void Cancel(CancellationToken cancellationToken);
}
