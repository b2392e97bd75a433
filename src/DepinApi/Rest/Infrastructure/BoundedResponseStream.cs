using System.IO.Pipelines;

namespace DepinApi.Rest.Infrastructure;

/// <summary>
/// Holds a whole response before any of it goes to the client: in memory up to a threshold, in a
/// temporary file beyond it (<see cref="ResponseSpool"/>), so a slow client pins disk, not memory. A
/// write past <c>limit</c> bytes throws <see cref="RestResponseTooLargeException"/>, so an oversized
/// response is refused as soon as it is known to be too large, not after it has been built. Every
/// <c>stepBytes</c> written asynchronously, it awaits <c>betweenSteps</c> (where the build gives way to a
/// waiting newcomer, <see cref="Fairness.BuildSlot.GiveWayAsync"/>).
/// </summary>
public sealed class BoundedResponseStream(int memoryThreshold, long limit, int stepBytes = 0,
    Func<CancellationToken, ValueTask>? betweenSteps = null) : Stream
{
    private readonly ResponseSpool content = new(memoryThreshold);
    private long written;
    private long stepWritten;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => written;
    public override long Position { get => written; set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count)
    {
        Reserve(count);
        content.Write(buffer.AsSpan(offset, count));
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Reserve(buffer.Length);
        content.Write(buffer.Span);
        stepWritten += buffer.Length;
        if (betweenSteps is not null && stepBytes > 0 && stepWritten >= stepBytes)
        {
            stepWritten = 0;
            await betweenSteps(cancellationToken);
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    // Nothing leaves before the response is complete, so a flush has nothing to do.
    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Writes everything held to <paramref name="destination"/> (<see cref="ResponseSpool.DrainAsync"/>).</summary>
    public Task DrainAsync(PipeWriter destination, CancellationToken cancellationToken) =>
        content.DrainAsync(destination, cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            content.Dispose();
        base.Dispose(disposing);
    }

    public override ValueTask DisposeAsync()
    {
        content.Dispose();
        return base.DisposeAsync();
    }

    private void Reserve(int count)
    {
        if (written + count > limit)
            throw new RestResponseTooLargeException(limit);
        written += count;
    }
}
