using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DepinApi.GraphQL.Execution;
using DepinApi.Tests.Infrastructure;
using DepinApi.Tests.Reliability;
using GraphQLEngine.Execution;
using GraphQLEngine.Http;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DepinApi.Tests.GraphQL;

/// <summary>
/// Hard limits of one GraphQL request against a real Postgres: a statement held up by a lock fails once (503
/// <c>DATABASE_UNAVAILABLE</c>), without the resolvers running the operation again; the execution timeout cancels the
/// statement in Postgres and answers <c>EXECUTION_TIMEOUT</c> on both paths; a response over
/// <c>GraphQL:MaxResponseBytes</c> is refused with <c>RESPONSE_TOO_LARGE</c>.
/// </summary>
public sealed class ExecutionLimitTests : IClassFixture<ExecutionLimitTests.Api>
{
    private const int MaxResponseBytes = 1_500;

    private readonly string connectionString;
    private readonly WebApplicationFactory<Program> shortCommands;
    private readonly WebApplicationFactory<Program> shortExecution;
    private readonly WebApplicationFactory<Program> smallResponses;
    private readonly SessionWatch watch;

    public ExecutionLimitTests(Api api)
    {
        (connectionString, shortCommands, shortExecution, smallResponses, watch) =
            (api.ConnectionString, api.ShortCommands, api.ShortExecution, api.SmallResponses, api.Watch);
        watch.States.Clear();
    }

    /// <summary>
    /// Three services over one seeded database: one whose commands time out first, one whose operations do, and one
    /// with a small response limit and the default timeouts (a one-second command timeout is not what that test is
    /// about, and a busy machine can reach it).
    /// </summary>
    public sealed class Api : IAsyncLifetime
    {
        public string ConnectionString { get; private set; } = "";
        public WebApplicationFactory<Program> ShortCommands { get; private set; } = null!;
        public WebApplicationFactory<Program> ShortExecution { get; private set; } = null!;
        public WebApplicationFactory<Program> SmallResponses { get; private set; } = null!;
        public SessionWatch Watch { get; } = new();
        private ApiFactory seeded = null!;

        public async Task InitializeAsync()
        {
            seeded = await ApiFactory.WithSeedDataAsync(Settings(("Database:CommandTimeoutSeconds", "1")));
            ShortCommands = seeded.WithWebHostBuilder(Watching);
            ConnectionString = ShortCommands.Services.GetRequiredService<IConfiguration>().GetConnectionString("Depin")!;
            ShortExecution = new ApiFactory(ConnectionString, Settings(
                ("Database:CommandTimeoutSeconds", "60"), ("GraphQL:ExecutionTimeoutSeconds", "1"))).WithWebHostBuilder(Watching);
            _ = ShortExecution.Services;
            SmallResponses = new ApiFactory(ConnectionString, Settings(("GraphQL:MaxResponseBytes", MaxResponseBytes.ToString())));
            _ = SmallResponses.Services;
        }

        // What the three services share (no rate limits or response cache in the way), and what sets each apart.
        private static Dictionary<string, string?> Settings(params (string Key, string Value)[] own)
        {
            var settings = new Dictionary<string, string?>
            {
                ["RateLimiting:Enabled"] = "false",
                ["GraphQL:CacheEnabled"] = "false",
            };
            foreach (var (key, value) in own)
                settings[key] = value;
            return settings;
        }

        private void Watching(IWebHostBuilder builder) =>
            builder.ConfigureTestServices(s => s.AddSingleton<IGraphQLRequestInterceptor>(Watch));

        public async Task DisposeAsync()
        {
            await ShortCommands.DisposeAsync();
            await ShortExecution.DisposeAsync();
            await SmallResponses.DisposeAsync();
            await seeded.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_compiled_statement_stuck_behind_a_lock_gets_503_and_is_not_run_again_by_the_resolvers()
    {
        using var client = Client(shortCommands);
        await using var projects = await TableLock.HoldAsync(connectionString, "projects", "ACCESS EXCLUSIVE");

        using var response = await PostAsync(client, GraphQLOutage.Compiled(3));

        await GraphQLOutage.AssertDatabaseUnavailableAsync(response, "compiled");
        // The resolvers' read session would have been opened for a rerun.
        Assert.Null(Assert.Single(watch.States).OpenedSession);
        Assert.Contains("desc=\"compiled\"", Assert.Single(response.Headers.GetValues("Server-Timing")));
    }

    [Fact]
    public async Task Resolvers_stuck_behind_a_lock_midway_get_503()
    {
        using var client = Client(shortCommands);
        await using var projects = await TableLock.HoldAsync(connectionString, "projects", "ACCESS EXCLUSIVE");

        using var response = await PostAsync(client, GraphQLOutage.Resolvers(3, secondField: true));

        await GraphQLOutage.AssertDatabaseUnavailableAsync(response, "resolvers");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_execution_timeout_cancels_the_statement_in_postgres_and_answers_EXECUTION_TIMEOUT(bool compiled)
    {
        using var client = Client(shortExecution);
        await using var projects = await TableLock.HoldAsync(connectionString, "projects", "ACCESS EXCLUSIVE");

        using var response = await PostAsync(client, compiled ? GraphQLOutage.Compiled(4) : GraphQLOutage.Resolvers(4));

        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(body.TryGetProperty("data", out _));
        var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
        Assert.Equal("EXECUTION_TIMEOUT", error.GetProperty("extensions").GetProperty("code").GetString());
        if (compiled) Assert.Null(Assert.Single(watch.States).OpenedSession);
        // Cancelled in Postgres, not left waiting for the lock (the command timeout of 60 s would keep it there).
        await Poll.UntilAsync(async () => await WaitingForLockAsync(projects) == 0, "no session waiting for the lock on projects");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_response_over_the_size_limit_is_refused_with_RESPONSE_TOO_LARGE(bool compiled)
    {
        using var client = Client(smallResponses);
        const string fields = "slug name sector description website";

        // meta is never compiled: with it the resolvers answer.
        var meta = compiled ? "" : " meta { dataVersion }";
        using var small = await PostAsync(client, $"{{ project(slug: \"helium\") {{ slug }}{meta} }}");
        // Each alias alone fits (about 1.3 KB); the two together do not.
        using var large = await PostAsync(client, $"{{ a: projects(first: 50) {{ nodes {{ {fields} }} }} b: projects(first: 50) {{ nodes {{ {fields} }} }}{meta} }}");

        Assert.Equal(HttpStatusCode.OK, small.StatusCode);
        Assert.Equal("helium", (await small.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("data").GetProperty("project").GetProperty("slug").GetString());
        var text = await large.Content.ReadAsStringAsync();
        var body = JsonDocument.Parse(text).RootElement;
        Assert.False(body.TryGetProperty("data", out _), text);
        var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
        Assert.Equal("RESPONSE_TOO_LARGE", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.True(text.Length < MaxResponseBytes);
        Assert.Equal("no-store", large.Headers.CacheControl?.ToString());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_response_within_the_size_limit_is_served_whole_however_it_is_built(bool compiled)
    {
        // Citations are compiled as markers holding each figure's row, longer than the citation they become; the
        // resolvers' JSON writer asks for room for the worst case of each value. Neither is the answer's size.
        using var unlimited = Client(shortExecution);
        using var limited = Client(smallResponses);
        var meta = compiled ? "" : " meta { dataVersion }";
        var served = 0;
        foreach (var selection in new[] { "citation", "citation permalink", "citation c: citation", "quote citation permalink" })
        {
            foreach (var slug in new[] { "helium", "akash", "render" })
            {
                var query = $"{{ project(slug: \"{slug}\") {{ revenue {{ {selection} }} }}{meta} }}";
                using var whole = await PostAsync(unlimited, query);
                var wholeData = (await whole.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("data").GetRawText();
                if (System.Text.Encoding.UTF8.GetByteCount(wholeData) >= MaxResponseBytes) continue;

                using var response = await PostAsync(limited, query);
                var body = await response.Content.ReadFromJsonAsync<JsonElement>();
                Assert.False(body.TryGetProperty("errors", out _), $"{query}: {body}");
                Assert.Equal(wholeData, body.GetProperty("data").GetRawText());
                served++;
            }
        }
        Assert.True(served >= 4, $"only {served} answers were under {MaxResponseBytes} bytes");
    }

    private static HttpClient Client(WebApplicationFactory<Program> factory) => factory.CreateClient();

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string query)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query }) };
        request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse("application/json"));
        return client.SendAsync(request, new CancellationTokenSource(TimeSpan.FromSeconds(90)).Token);
    }

    private static async Task<long> WaitingForLockAsync(TableLock table)
    {
        await using var command = table.Observer.CreateCommand($"""
            SELECT count(*) FROM pg_locks l
            WHERE NOT l.granted AND l.locktype = 'relation' AND l.relation = '{table.Table}'::regclass
            """);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Keeps each request's state, to see whether the resolvers opened a read session.</summary>
    public sealed class SessionWatch : IGraphQLRequestInterceptor
    {
        public System.Collections.Concurrent.ConcurrentQueue<GraphQLRequestState> States { get; } = new();

        public ValueTask OnResultAsync(GraphQLRequestContext context, ExecutionResult result)
        {
            if (context.UserContext is GraphQLRequestState state) States.Enqueue(state);
            return ValueTask.CompletedTask;
        }
    }
}
