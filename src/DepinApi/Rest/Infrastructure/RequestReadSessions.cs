using DepinApi.ReadModel;

namespace DepinApi.Rest.Infrastructure;

/// <summary>
/// The read sessions one buffered request opened, closed by <see cref="ReadThenWriteMiddleware"/>
/// once the response is complete in its buffer and before the client is sent a byte.
/// </summary>
public sealed class RequestReadSessions
{
    private readonly List<ReadSession> open = [];

    public void Add(ReadSession session)
    {
        lock (open)
            open.Add(session);
    }

    public async ValueTask CloseAllAsync()
    {
        ReadSession[] closing;
        lock (open)
        {
            closing = [.. open];
            open.Clear();
        }
        foreach (var session in closing)
            await session.DisposeAsync();
    }
}
