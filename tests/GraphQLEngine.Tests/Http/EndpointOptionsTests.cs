using GraphQLEngine.Error;
using GraphQLEngine.Execution;
using GraphQLEngine.Http;
using GraphQLEngine.Limits;
using GraphQLEngine.TestServer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using static GraphQLEngine.Tests.Http.GraphQLHttp;

namespace GraphQLEngine.Tests.Http;

/// <summary>MapGraphQL with options set in code, on a bare in-memory host.</summary>
public class EndpointOptionsTests
{
    private static async Task<(WebApplication App, HttpClient Client)> StartAsync(
        GraphQLHttpOptions options, Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapGraphQL("/graphql", SampleSchema.Create(), options);
        await app.StartAsync();
        return (app, app.GetTestClient());
    }

    [Fact]
    public async Task Validation_results_are_cached_by_document_text()
    {
        var options = new GraphQLHttpOptions();
        var (app, client) = await StartAsync(options);
        await using var _ = app;

        var first = await PostAsync(client, new { query = "{ nope }" });
        var second = await PostAsync(client, new { query = "{ nope }" });
        await PostAsync(client, new { query = "{ hello }" });

        Assert.Equal(first.Body, second.Body);
        Assert.Equal(2, options.ValidationCache.Count);
    }

    [Fact]
    public async Task Parsed_documents_are_cached_by_document_text()
    {
        var options = new GraphQLHttpOptions();
        var (app, client) = await StartAsync(options);
        await using var _ = app;

        var first = await PostAsync(client, new { query = "{ hello }" });
        var second = await PostAsync(client, new { query = "{ hello }" });
        var broken = await PostAsync(client, new { query = "{ hello" });

        Assert.Equal(first.Body, second.Body);
        Assert.NotEqual(0, broken.Json.GetProperty("errors").GetArrayLength());
        Assert.Equal(1, options.DocumentCache.Count);
    }

    [Fact]
    public async Task Limits_come_from_the_options()
    {
        var options = new GraphQLHttpOptions { Limits = new QueryLimitOptions { MaxPageSize = 5 } };
        var (app, client) = await StartAsync(options);
        await using var _ = app;

        var reply = await PostAsync(client, new { query = "{ books(first: 6) { id } }" });

        Assert.Equal(QueryLimitCodes.PageSizeTooLarge, reply.FirstCode);
    }

    [Fact]
    public async Task A_chain_of_fragments_longer_than_the_stack_can_follow_gets_an_error_answer_without_a_token_limit()
    {
        // Without a token limit a document can chain more fragments than any recursive walk could follow: the
        // answer must be a GraphQL error, neither a 500 nor a dead process.
        var options = new GraphQLHttpOptions { MaxRequestBytes = 4 * 1024 * 1024, MaxQueryLength = 0, Parse = new() { MaxTokens = 0 } };
        var (app, client) = await StartAsync(options);
        await using var _ = app;
        const int count = 20_000;
        var query = "{ books { ...F0 } }" + string.Concat(Enumerable.Range(0, count).Select(i => $" fragment F{i} on Book {{ ...F{i + 1} }}"))
            + $" fragment F{count} on Book {{ id }}";

        var reply = await PostAsync(client, new { query }, Json);

        Assert.Equal(200, reply.Status);
        Assert.Equal(QueryAnalyzer.TooDeepToProcessMessage, reply.Json.GetProperty("errors")[0].GetProperty("message").GetString());
        Assert.Equal(QueryLimitCodes.TooDeep, reply.FirstCode);
    }

    [Fact]
    public async Task A_refusal_s_errors_are_kept_within_MaxRefusalErrorBytes_the_rest_counted_in_a_last_one()
    {
        var (app, client) = await StartAsync(new GraphQLHttpOptions { MaxRefusalErrorBytes = 300, MaxValidationErrors = 100 });
        await using var _ = app;

        // Five errors of about 95 bytes each: the first ones, in order, then a last error counting those left out.
        var reply = await PostAsync(client, new { query = "{ nope1 nope2 nope3 nope4 nope5 }" });
        var errors = reply.Json.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("message").GetString()!).ToList();

        Assert.InRange(errors.Count, 2, 4);
        for (var i = 0; i < errors.Count - 1; i++)
            Assert.Equal($"Cannot query field \"nope{i + 1}\" on type \"Query\".", errors[i]);
        Assert.Equal($"{6 - errors.Count} more errors not shown: the errors of a request refused before it runs are written in at most 300 bytes.",
            errors[^1]);
        Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(reply.Json.GetProperty("errors").GetRawText()), 1, 300);

        // Ordinary errors within the limit are as graphql-js words them.
        var few = await PostAsync(client, new { query = "{ nope1 }" });
        Assert.Equal("""{"errors":[{"message":"Cannot query field \"nope1\" on type \"Query\".","locations":[{"line":1,"column":3}]}]}""", few.Body);
    }

    [Fact]
    public async Task A_first_error_too_long_for_MaxRefusalErrorBytes_alone_is_kept_with_its_message_cut()
    {
        var (app, client) = await StartAsync(new GraphQLHttpOptions { MaxRefusalErrorBytes = 300 });
        await using var _ = app;
        var name = "x" + new string('y', 400);

        var reply = await PostAsync(client, new { query = "{ " + name + " }" });
        var errors = reply.Json.GetProperty("errors");

        var message = Assert.Single(errors.EnumerateArray()).GetProperty("message").GetString()!;
        Assert.StartsWith("Cannot query field \"xyyy", message);
        Assert.EndsWith($"… ({$"Cannot query field \"{name}\" on type \"Query\".".Length} characters)", message);
        Assert.Equal(3, errors[0].GetProperty("locations")[0].GetProperty("column").GetInt32());
        Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(errors.GetRawText()), 250, 300);
    }

    [Fact]
    public async Task Unmasked_errors_show_their_message_when_masking_is_turned_off()
    {
        var (app, client) = await StartAsync(new GraphQLHttpOptions { MaskUnexpectedErrors = false });
        await using var _ = app;

        var reply = await PostAsync(client, new { query = "{ internalFailure }" });

        Assert.Equal(SampleSchema.InternalFailureMessage, reply.FirstMessage);
    }

    [Fact]
    public async Task Interceptors_from_options_and_services_see_every_stage_in_order()
    {
        var log = new List<string>();
        var options = new GraphQLHttpOptions();
        options.Interceptors.Add(new RecordingInterceptor("options", log));
        var (app, client) = await StartAsync(options,
            services => services.AddSingleton<IGraphQLRequestInterceptor>(new RecordingInterceptor("service", log)));
        await using var _ = app;

        await PostAsync(client, new { query = "{ books(first: 4) { id } }" });

        Assert.Equal(
            [
                "options request", "service request",
                "options executing cost=4", "service executing cost=4",
                "options result data=True", "service result data=True",
            ],
            log);
    }

    [Fact]
    public async Task The_result_hook_also_sees_results_that_never_executed()
    {
        var log = new List<string>();
        var options = new GraphQLHttpOptions();
        options.Interceptors.Add(new RecordingInterceptor("options", log));
        var (app, client) = await StartAsync(options);
        await using var _ = app;

        await PostAsync(client, new { query = "{ nope }" });

        Assert.Equal(["options request", "options result data=False"], log);
    }

    [Fact]
    public async Task A_refusal_before_parsing_skips_the_rest_of_the_pipeline()
    {
        var log = new List<string>();
        var options = new GraphQLHttpOptions();
        options.Interceptors.Add(new RefusingInterceptor());
        options.Interceptors.Add(new RecordingInterceptor("after", log));
        var (app, client) = await StartAsync(options);
        await using var _ = app;

        var reply = await PostAsync(client, new { query = "{ hello }" }, GraphQLResponse);

        Assert.Equal(403, reply.Status);
        Assert.Equal("Not for you.", reply.FirstMessage);
        Assert.Equal(["after result data=False"], log);
    }

    [Fact]
    public async Task A_failed_operation_answers_data_null_with_its_error_and_is_not_executed()
    {
        var log = new List<string>();
        var options = new GraphQLHttpOptions();
        options.Interceptors.Add(new OperationFailingInterceptor());
        options.Interceptors.Add(new RecordingInterceptor("after", log));
        var (app, client) = await StartAsync(options);
        await using var _ = app;

        var reply = await PostAsync(client, new { query = "{ hello }" }, GraphQLResponse);

        // data is present, so a 200 under either media type (GraphQL over HTTP: a null data is no request error).
        Assert.Equal(200, reply.Status);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, reply.Json.GetProperty("data").ValueKind);
        Assert.Equal("Not this operation.", reply.FirstMessage);
        Assert.Equal(["after request", "after result data=True"], log);
    }

    [Fact]
    public async Task No_execution_timeout_lets_slow_operations_finish()
    {
        var (app, client) = await StartAsync(new GraphQLHttpOptions { ExecutionTimeout = null });
        await using var _ = app;

        var reply = await PostAsync(client, new { query = "{ slow(milliseconds: 50) }" });

        Assert.Equal("done", reply.Data.GetProperty("slow").GetString());
    }

    private sealed class RecordingInterceptor(string name, List<string> log) : IGraphQLRequestInterceptor
    {
        public ValueTask OnRequestAsync(GraphQLRequestContext context)
        {
            log.Add($"{name} request");
            return ValueTask.CompletedTask;
        }

        public ValueTask OnExecutingAsync(GraphQLRequestContext context)
        {
            log.Add($"{name} executing cost={context.Analysis!.RequestedQueryCost}");
            return ValueTask.CompletedTask;
        }

        public ValueTask OnResultAsync(GraphQLRequestContext context, ExecutionResult result)
        {
            log.Add($"{name} result data={result.HasData}");
            return ValueTask.CompletedTask;
        }
    }

    [Fact]
    public async Task An_interceptor_can_answer_a_get_304_before_execution_with_its_headers_and_no_body()
    {
        var log = new List<string>();
        var options = new GraphQLHttpOptions();
        options.Interceptors.Add(new NotModifiedInterceptor());
        options.Interceptors.Add(new RecordingInterceptor("after", log));
        var (app, client) = await StartAsync(options);
        await using var _ = app;

        using var response = await client.GetAsync("/graphql?" + Query("{ hello }"));

        Assert.Equal(System.Net.HttpStatusCode.NotModified, response.StatusCode);
        Assert.Equal("W/\"x\"", response.Headers.ETag!.ToString());
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        // The hooks after it see neither the execution nor a result.
        Assert.Equal(["after request"], log);
    }

    [Fact]
    public async Task A_post_cannot_be_answered_304()
    {
        var options = new GraphQLHttpOptions();
        options.Interceptors.Add(new NotModifiedInterceptor());
        var (app, client) = await StartAsync(options);
        await using var _ = app;

        var reply = await PostAsync(client, new { query = "{ hello }" });

        Assert.Equal(500, reply.Status);
    }

    private sealed class NotModifiedInterceptor : IGraphQLRequestInterceptor
    {
        public ValueTask OnExecutingAsync(GraphQLRequestContext context)
        {
            context.HttpContext.Response.Headers.ETag = "W/\"x\"";
            context.AnswerNotModified();
            return ValueTask.CompletedTask;
        }
    }

    private sealed class RefusingInterceptor : IGraphQLRequestInterceptor
    {
        public ValueTask OnRequestAsync(GraphQLRequestContext context)
        {
            context.Reject(new GraphQLError("Not for you."), 403);
            return ValueTask.CompletedTask;
        }
    }

    private sealed class OperationFailingInterceptor : IGraphQLRequestInterceptor
    {
        public ValueTask OnExecutingAsync(GraphQLRequestContext context)
        {
            context.FailOperation(new GraphQLError("Not this operation."));
            return ValueTask.CompletedTask;
        }
    }
}
