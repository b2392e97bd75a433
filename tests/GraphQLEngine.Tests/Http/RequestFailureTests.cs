using GraphQLEngine.Error;
using GraphQLEngine.Execution;
using GraphQLEngine.Http;
using GraphQLEngine.Type;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using static GraphQLEngine.Tests.Http.GraphQLHttp;

namespace GraphQLEngine.Tests.Http;

/// <summary>
/// Per-request limits and whole-request failures of the endpoint: a response over <see cref="GraphQLHttpOptions.MaxResponseBytes"/>
/// is refused, a failure <see cref="GraphQLHttpOptions.RequestFailure"/> recognises answers the whole request (and stops
/// the rest of execution), the user context is disposed before the response is written, and a request execution would
/// refuse at once never reaches the hooks that charge for execution.
/// </summary>
public class RequestFailureTests
{
    private sealed class DownException() : Exception("db01:5432 refused the connection");

    /// <summary>Stands for a database session: records when it is disposed and whether the hooks saw it disposed.</summary>
    private sealed class Session : IAsyncDisposable
    {
        public bool Disposed { get; private set; }

        public ValueTask DisposeAsync()
        {
            Disposed = true;
            return ValueTask.CompletedTask;
        }
    }

    private sealed class Probe : IGraphQLRequestInterceptor
    {
        public int Executing;
        public bool? SessionDisposedWhenResultSeen;

        public ValueTask OnExecutingAsync(GraphQLRequestContext context)
        {
            Interlocked.Increment(ref Executing);
            return ValueTask.CompletedTask;
        }

        public ValueTask OnResultAsync(GraphQLRequestContext context, ExecutionResult result)
        {
            SessionDisposedWhenResultSeen = (context.UserContext as Session)?.Disposed;
            result.Extensions["probe"] = true;
            return ValueTask.CompletedTask;
        }
    }

    private sealed class Harness
    {
        public TaskCompletionSource<bool> WaitingFieldStopped { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public Probe Probe { get; } = new();
        public Session Session { get; } = new();

        public GraphQLSchema Schema() => new(new ObjectTypeBuilder<object>("Query")
            .Field("text", Scalars.String, f => f
                .Argument("length", new GraphQLNonNull(Scalars.Int))
                .Resolve((_, context) => new string('x', context.GetArgument<int>("length"))))
            .Field("down", Scalars.String, f => f.ResolveAsync<string>(async (_, _) =>
            {
                await Task.Delay(50);
                throw new DownException();
            }))
            .Field("waiting", Scalars.String, f => f.ResolveAsync(async (_, context) =>
            {
                try
                {
                    await Task.Delay(Timeout.Infinite, context.CancellationToken);
                    return "never";
                }
                finally
                {
                    WaitingFieldStopped.TrySetResult(true);
                }
            }))
            .Field("echo", Scalars.Int, f => f
                .Argument("n", new GraphQLNonNull(Scalars.Int))
                .Resolve((_, context) => context.GetArgument<int>("n")))
            .Build());
    }

    private static async Task<(WebApplication App, HttpClient Client, Harness Harness)> StartAsync(
        Action<GraphQLHttpOptions>? configure = null, IGraphQLOperationExecutor? executor = null)
    {
        var harness = new Harness();
        var options = new GraphQLHttpOptions
        {
            MaxResponseBytes = 2_000,
            RequestFailure = (_, exception) => exception is DownException
                ? new GraphQLRequestFailure(
                    new GraphQLError("Down.", extensions: new Dictionary<string, object?> { ["code"] = "DOWN" }), 503, TimeSpan.FromSeconds(7))
                : null,
            UserContextFactory = _ => ValueTask.FromResult<object?>(harness.Session),
        };
        options.Interceptors.Add(harness.Probe);
        configure?.Invoke(options);
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        if (executor is not null) builder.Services.AddSingleton(executor);
        var app = builder.Build();
        app.MapGraphQL("/graphql", harness.Schema(), options);
        await app.StartAsync();
        return (app, app.GetTestClient(), harness);
    }

    [Fact]
    public async Task A_result_over_the_size_limit_is_refused_with_an_error_and_one_within_it_is_sent()
    {
        var (app, client, harness) = await StartAsync();
        await using var _ = app;

        var within = await PostAsync(client, new { query = "{ text(length: 1500) }" });
        var over = await PostAsync(client, new { query = "{ a: text(length: 1500) b: text(length: 1500) }" });

        Assert.Equal(1500, within.Data.GetProperty("text").GetString()!.Length);
        Assert.Equal(200, over.Status);
        Assert.False(over.HasData);
        Assert.Equal("RESPONSE_TOO_LARGE", over.FirstCode);
        Assert.True(over.Body.Length < 2_000);
        // The hooks saw the refusal, not the result that was not sent.
        Assert.True(over.Json.GetProperty("extensions").GetProperty("probe").GetBoolean());
    }

    [Fact]
    public void The_size_limit_stops_writing_early_rather_than_buffering_the_whole_result()
    {
        var huge = new ExecutionResult { HasData = true, Data = new ResponseMap([new("text", new string('x', 50_000_000))]) };

        // Refused by the bytes it would write: a 50 MB value is not copied into a buffer first.
        var before = GC.GetAllocatedBytesForCurrentThread();
        Assert.Null(ResultBody.TryStart(huge, 1_000_000));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 20_000_000);

        using var small = ResultBody.TryStart(huge, 0);
        Assert.NotNull(small);
    }

    [Fact]
    public async Task A_failure_the_filter_recognises_answers_the_whole_request_and_stops_the_other_fields()
    {
        var (app, client, harness) = await StartAsync();
        await using var _ = app;

        foreach (var accept in new[] { Json, GraphQLResponse })
        {
            var reply = await PostAsync(client, new { query = "{ waiting down text(length: 3) }" }, accept);

            Assert.Equal(503, reply.Status);
            Assert.Equal("7", Assert.Single(reply.Headers.GetValues("Retry-After")));
            Assert.False(reply.HasData);
            Assert.Single(reply.Errors);
            Assert.Equal("DOWN", reply.FirstCode);
            Assert.DoesNotContain("db01", reply.Body);
            // The field still waiting was cancelled and had stopped before the answer went out.
            Assert.True(harness.WaitingFieldStopped.Task.IsCompleted);
            Assert.True(harness.Session.Disposed);
        }
    }

    [Fact]
    public async Task A_failure_an_operation_executor_throws_is_answered_the_same_way_and_not_handed_to_the_resolvers()
    {
        var executor = new ThrowingExecutor(new DownException());
        var (app, client, _) = await StartAsync(executor: executor);
        await using var __ = app;

        var reply = await GetAsync(client, Query("{ text(length: 3) }"));

        Assert.Equal(503, reply.Status);
        Assert.Equal("DOWN", reply.FirstCode);
        Assert.False(reply.HasData);
    }

    [Fact]
    public async Task An_operation_executor_that_runs_past_the_execution_timeout_gets_EXECUTION_TIMEOUT_and_no_rerun()
    {
        var executor = new ThrowingExecutor(null);
        var (app, client, harness) = await StartAsync(o => o.ExecutionTimeout = TimeSpan.FromMilliseconds(200), executor);
        await using var _ = app;

        var reply = await PostAsync(client, new { query = "{ text(length: 3) }" });

        Assert.Equal("EXECUTION_TIMEOUT", reply.FirstCode);
        Assert.False(reply.HasData);
        Assert.True(harness.Session.Disposed);
    }

    [Fact]
    public async Task Without_a_filter_the_failure_stays_a_masked_field_error()
    {
        var (app, client, _) = await StartAsync(o => o.RequestFailure = null);
        await using var _ = app;

        var reply = await PostAsync(client, new { query = "{ down text(length: 3) }" });

        Assert.Equal(200, reply.Status);
        Assert.Equal("xxx", reply.Data.GetProperty("text").GetString());
        Assert.Equal(ExecutionOptions.UnexpectedErrorMessage, Assert.Single(reply.Errors).GetProperty("message").GetString());
    }

    [Fact]
    public async Task The_user_context_is_disposed_when_execution_ends_before_the_response_is_written()
    {
        var (app, client, harness) = await StartAsync();
        await using var _ = app;

        var reply = await PostAsync(client, new { query = "{ text(length: 3) }" });

        Assert.Equal("xxx", reply.Data.GetProperty("text").GetString());
        Assert.True(harness.Probe.SessionDisposedWhenResultSeen);
    }

    [Theory]
    [InlineData("""{"query":"query ($n: Int!) { echo(n: $n) }"}""")]
    [InlineData("""{"query":"query ($n: Int!) { echo(n: $n) }","variables":{"n":"many"}}""")]
    [InlineData("""{"query":"query A { echo(n: 1) } query B { echo(n: 2) }"}""")]
    public async Task A_request_execution_would_refuse_at_once_never_reaches_the_executing_hooks(string body)
    {
        var (app, client, harness) = await StartAsync();
        await using var _ = app;

        var reply = await PostRawAsync(client, body);

        Assert.False(reply.HasData);
        Assert.NotEmpty(reply.Errors);
        Assert.Equal(0, harness.Probe.Executing);
        var admitted = await PostRawAsync(client, """{"query":"query ($n: Int!) { echo(n: $n) }","variables":{"n":4}}""");
        Assert.Equal(4, admitted.Data.GetProperty("echo").GetInt32());
        Assert.Equal(1, harness.Probe.Executing);
    }

    /// <summary>Throws <paramref name="failure"/>, or waits for cancellation when it is null.</summary>
    private sealed class ThrowingExecutor(Exception? failure) : IGraphQLOperationExecutor
    {
        public async ValueTask<ExecutionResult?> TryExecuteAsync(GraphQLRequestContext context, ExecutionRequest request)
        {
            if (failure is not null) throw failure;
            await Task.Delay(Timeout.Infinite, request.CancellationToken);
            return null;
        }
    }
}
