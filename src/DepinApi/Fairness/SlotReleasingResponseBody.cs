using System.IO.Pipelines;
using Microsoft.AspNetCore.Http.Features;

namespace DepinApi.Fairness;

/// <summary>
/// The response body of a request holding a <see cref="BuildSlot"/>: the first write, flush or start of the response
/// gives the turn back before anything reaches the client, so a client that reads slowly never holds a turn. Every
/// endpoint behind the gate builds its response whole before writing it (REST through its buffer, GraphQL in memory),
/// so the first write comes once the build is done.
/// </summary>
internal sealed class SlotReleasingResponseBody(IHttpResponseBodyFeature inner, BuildSlot slot) : IHttpResponseBodyFeature
{
    private Stream? _stream;
    private PipeWriter? _writer;

    public Stream Stream => _stream ??= new ReleasingStream(inner.Stream, slot);

    public PipeWriter Writer => _writer ??= new ReleasingPipeWriter(inner.Writer, slot);

    public void DisableBuffering() => inner.DisableBuffering();

    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        slot.Release();
        return inner.StartAsync(cancellationToken);
    }

    public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default)
    {
        slot.Release();
        return inner.SendFileAsync(path, offset, count, cancellationToken);
    }

    public Task CompleteAsync()
    {
        slot.Release();
        return inner.CompleteAsync();
    }

    private sealed class ReleasingStream(Stream inner, BuildSlot slot) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => inner.CanWrite;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
            slot.Release();
            inner.Flush();
        }

        public override Task FlushAsync(CancellationToken cancellationToken)
        {
            slot.Release();
            return inner.FlushAsync(cancellationToken);
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            slot.Release();
            inner.Write(buffer, offset, count);
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            slot.Release();
            inner.Write(buffer);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            slot.Release();
            return inner.WriteAsync(buffer, offset, count, cancellationToken);
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            slot.Release();
            return inner.WriteAsync(buffer, cancellationToken);
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }

    private sealed class ReleasingPipeWriter(PipeWriter inner, BuildSlot slot) : PipeWriter
    {
        public override bool CanGetUnflushedBytes => inner.CanGetUnflushedBytes;
        public override long UnflushedBytes => inner.UnflushedBytes;

        // Advancing only fills the writer's own buffer; nothing goes out before a flush.
        public override void Advance(int bytes) => inner.Advance(bytes);
        public override Memory<byte> GetMemory(int sizeHint = 0) => inner.GetMemory(sizeHint);
        public override Span<byte> GetSpan(int sizeHint = 0) => inner.GetSpan(sizeHint);
        public override void CancelPendingFlush() => inner.CancelPendingFlush();

        public override void Complete(Exception? exception = null)
        {
            slot.Release();
            inner.Complete(exception);
        }

        public override ValueTask CompleteAsync(Exception? exception = null)
        {
            slot.Release();
            return inner.CompleteAsync(exception);
        }

        public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
        {
            slot.Release();
            return inner.FlushAsync(cancellationToken);
        }

        public override ValueTask<FlushResult> WriteAsync(ReadOnlyMemory<byte> source, CancellationToken cancellationToken = default)
        {
            slot.Release();
            return inner.WriteAsync(source, cancellationToken);
        }
    }
}
