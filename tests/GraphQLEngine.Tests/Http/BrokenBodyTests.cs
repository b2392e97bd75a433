using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using static GraphQLEngine.Tests.Http.GraphQLHttp;

namespace GraphQLEngine.Tests.Http;

/// <summary>
/// The server itself can refuse a body while it is being read (cut short, sent too slowly, larger than the server's
/// own limit): Kestrel then throws <see cref="BadHttpRequestException"/> from the body stream. That is the client's
/// doing, so the answer carries the server's status as a request error, never a 500 "Unexpected error.".
/// </summary>
public class BrokenBodyTests(TestServerFactory factory) : IClassFixture<TestServerFactory>
{
    private const string BreakHeader = "X-Test-Break-Body";

    public static TheoryData<int, string> Breaks => new()
    {
        { 400, "Unexpected end of request content." },
        { 408, "Reading the request body timed out due to data arriving too slowly. See MinRequestBodyDataRate." },
        { 413, "Request body too large. The max request body size is 30000000 bytes." },
    };

    [Theory]
    [MemberData(nameof(Breaks))]
    public async Task A_body_the_server_refuses_while_reading_is_answered_with_the_servers_status(int status, string message)
    {
        using var client = factory.WithWebHostBuilder(builder => builder.ConfigureServices(services =>
            services.AddSingleton<IStartupFilter>(new BreakingBodyFilter()))).CreateClient();

        var reply = await PostRawAsync(client, """{"query":"{ hello }"}""", GraphQLResponse,
            configure: request => request.Headers.Add(BreakHeader, $"{status}|{message}"));

        Assert.Equal(status, reply.Status);
        Assert.Equal(GraphQLResponse, reply.MediaType);
        Assert.False(reply.HasData);
        Assert.Equal(message, reply.FirstMessage);
    }

    /// <summary>Gives a request carrying <see cref="BreakHeader"/> a body that throws as Kestrel's does.</summary>
    private sealed class BreakingBodyFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers[BreakHeader] is [{ } spec])
                {
                    var parts = spec.Split('|', 2);
                    context.Request.Body = new ThrowingStream(new BadHttpRequestException(parts[1], int.Parse(parts[0])));
                }
                return nextMiddleware(context);
            });
            next(app);
        };
    }

    private sealed class ThrowingStream(Exception exception) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => throw exception;
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => throw exception;
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => throw exception;
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
