using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace DepinApi.Security;

/// <summary>
/// Gives a request's body <see cref="ServerOptions.RequestBodyTimeoutSeconds"/> to arrive in full, counted from its
/// headers; a read after that fails with 408, as Kestrel's own limits fail a body that is too slow. Kestrel has a
/// deadline for the headers and a minimum data rate for the body (240 bytes a second), but no deadline for the body:
/// at its minimum rate a 256 KB GraphQL POST holds its connection and one of its client's requests in flight for 18
/// minutes, for one point.
/// </summary>
public sealed class RequestBodyDeadline(RequestDelegate next, IOptions<ServerOptions> options)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var seconds = options.Value.RequestBodyTimeoutSeconds;
        if (seconds <= 0 || http.Features.Get<IHttpRequestBodyDetectionFeature>() is not { CanHaveBody: true })
        {
            await next(http);
            return;
        }
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        var body = http.Request.Body;
        http.Request.Body = new DeadlineStream(body, seconds, deadline.Token);
        try
        {
            await next(http);
        }
        finally
        {
            http.Request.Body = body;
        }
    }

    /// <summary>The request body, whose reads fail with 408 once the deadline has passed.</summary>
    private sealed class DeadlineStream(Stream inner, int seconds, CancellationToken deadline) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            TooLate();
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline);
            try
            {
                return await inner.ReadAsync(buffer, linked.Token);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                TooLate();
                throw;
            }
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        // The server forbids synchronous reads of a body; this keeps its answer for them.
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private void TooLate()
        {
            if (deadline.IsCancellationRequested)
            {
                throw new BadHttpRequestException(
                    $"The request body did not arrive within {seconds.ToString(CultureInfo.InvariantCulture)} s of its headers (Server:RequestBodyTimeoutSeconds).",
                    StatusCodes.Status408RequestTimeout);
            }
        }
    }
}
