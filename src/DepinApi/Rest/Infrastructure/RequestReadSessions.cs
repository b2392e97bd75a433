using DepinApi.ReadModel;

namespace DepinApi.Rest.Infrastructure;

/// <summary>
/// The read sessions one buffered request opened (and anything else it holds only while it is built, such as a
/// whole-series export's turn), closed by <see cref="ReadThenWriteMiddleware"/> once the response is complete in its
/// buffer and before the client is sent a byte.
/// </summary>
public sealed class RequestReadSessions
{
    private readonly List<IAsyncDisposable> open = [];

    public void Add(IAsyncDisposable heldWhileBuilding)
    {
        lock (open)
            open.Add(heldWhileBuilding);
    }

    public async ValueTask CloseAllAsync()
    {
        IAsyncDisposable[] closing;
        lock (open)
        {
            closing = [.. open];
            open.Clear();
        }
        foreach (var session in closing)
            await session.DisposeAsync();
    }
}
