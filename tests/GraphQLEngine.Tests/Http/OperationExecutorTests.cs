using System.Collections.Concurrent;
using System.Text.Json;
using GraphQLEngine.Execution;
using GraphQLEngine.Http;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using static GraphQLEngine.Tests.Http.GraphQLHttp;

namespace GraphQLEngine.Tests.Http;

/// <summary>
/// A registered <see cref="IGraphQLOperationExecutor"/> answers the operations it can before the resolvers run, after
/// the interceptors admitted the request, and its result goes through the same interceptors and writer.
/// </summary>
public class OperationExecutorTests : IClassFixture<OperationExecutorTests.Factory>
{
    private readonly Factory _factory;
    private readonly HttpClient _client;

    public OperationExecutorTests(Factory factory)
    {
        _factory = factory;
        _client = factory.CreateClient();
        factory.Executor.Seen.Clear();
    }

    [Fact]
    public async Task An_operation_it_answers_never_reaches_the_resolvers()
    {
        var reply = await PostAsync(_client, new { query = "{ greeting: hello(name: \"executor\") }" });

        Assert.Equal(200, reply.Status);
        Assert.Equal("answered whole: executor", reply.Data.GetProperty("greeting").GetString());
        // The sample server's interceptor still adds the cost to what the executor answered.
        Assert.True(reply.Json.GetProperty("extensions").TryGetProperty("cost", out _));
    }

    [Fact]
    public async Task An_operation_it_declines_is_answered_by_the_resolvers()
    {
        var reply = await PostAsync(_client, new { query = "{ hello(name: \"resolvers\") }" });

        Assert.Equal("Hello, resolvers!", reply.Data.GetProperty("hello").GetString());
        Assert.Equal(["hello"], Assert.Single(_factory.Executor.Seen));
    }

    [Fact]
    public async Task It_sees_the_selection_execution_would_run()
    {
        await PostAsync(_client, new
        {
            query = "query ($skip: Boolean!) { a: hello ...F b: hello @skip(if: $skip) } fragment F on Query { __typename a: hello }",
            variables = new { skip = true },
        });

        Assert.Equal(["a", "__typename"], Assert.Single(_factory.Executor.Seen));
    }

    [Theory]
    [InlineData("""{"query":"query ($n: Int!) { books(first: $n) { id } }","variables":{"n":"many"}}""")]
    [InlineData("""{"query":"query A { hello } query B { hello }","operationName":"C"}""")]
    public async Task A_request_execution_refuses_has_no_selection_and_is_refused_as_before(string body)
    {
        var reply = await PostRawAsync(_client, body);

        Assert.NotEmpty(reply.Errors);
        Assert.Empty(_factory.Executor.Seen);
    }

    [Fact]
    public async Task A_request_an_interceptor_refuses_never_reaches_it()
    {
        var reply = await PostRawAsync(_client, """{"query":"{ hello(name: \"executor\") }"}""", Json,
            configure: request => request.Headers.Add("X-Refuse", "true"));

        Assert.Equal(429, reply.Status);
        Assert.Empty(_factory.Executor.Seen);
    }

    /// <summary>Answers <c>hello(name: "executor")</c> itself and records the root response keys of every selection it is offered.</summary>
    public sealed class WholeOperationExecutor : IGraphQLOperationExecutor
    {
        public ConcurrentQueue<string[]> Seen { get; } = new();

        public ValueTask<ExecutionResult?> TryExecuteAsync(GraphQLRequestContext context, ExecutionRequest request)
        {
            if (OperationSelection.TryCreate(request) is not { } selection) return ValueTask.FromResult<ExecutionResult?>(null);
            Seen.Enqueue(selection.Fields.Select(f => f.ResponseKey).ToArray());
            if (selection.Fields is not [{ Name: "hello" } hello] || hello.Argument("name") is not "executor")
                return ValueTask.FromResult<ExecutionResult?>(null);
            var answer = JsonDocument.Parse("\"answered whole: executor\"").RootElement;
            return ValueTask.FromResult<ExecutionResult?>(new ExecutionResult
            {
                HasData = true,
                Data = new ResponseMap([new(hello.ResponseKey, answer)]),
            });
        }
    }

    public sealed class Factory : TestServerFactory
    {
        public WholeOperationExecutor Executor { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<IGraphQLOperationExecutor>(Executor));
        }
    }
}
