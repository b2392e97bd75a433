using System.Text;
using System.Text.Json;
using DepinApi.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace DepinApi.Tests.RateLimiting;

/// <summary>The API with small limits, a manual clock and the test endpoints; one per test, so budgets start full.</summary>
public sealed class RateLimitedApi : IAsyncDisposable
{
    private readonly ApiFactory _factory;
    private readonly WebApplicationFactory<Program> _configured;

    public RateLimitedApi(string connectionString, IReadOnlyDictionary<string, string?> settings)
    {
        _factory = new ApiFactory(connectionString, settings);
        _configured = _factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter>(Endpoints);
        }));
        try
        {
            Client = _configured.CreateClient();
        }
        catch
        {
            // A host that refused to start (a settings test) must not keep its services alive for the rest of the run.
            _configured.Dispose();
            _factory.Dispose();
            throw;
        }
    }

    public ManualClock Clock { get; } = new();

    public TestEndpoints Endpoints { get; } = new();

    public HttpClient Client { get; }

    public IServiceProvider Services => _configured.Services;

    /// <summary>
    /// A client straight onto the test server, without the factory's handlers: its redirect handler reads a request's
    /// body whole before sending it, so a test could not hold a body back while the server has the request.
    /// </summary>
    public HttpClient CreateStreamingClient() => new(_configured.Server.CreateHandler()) { BaseAddress = _configured.Server.BaseAddress };

    /// <summary>
    /// Settings with small limits: 3 points per minute and 2 requests in flight per anonymous client. The burst is set
    /// far above every test's rate, so it is the rate's whole window (the burst is at most the points per window)
    /// unless a test sets it.
    /// </summary>
    public static Dictionary<string, string?> SmallLimits(params (string Key, string? Value)[] more)
    {
        var settings = new Dictionary<string, string?>
        {
            ["RateLimiting:Enabled"] = "true",
            ["RateLimiting:WindowSeconds"] = "60",
            ["RateLimiting:Anonymous:PointsPerWindow"] = "3",
            ["RateLimiting:Anonymous:ConcurrentRequests"] = "2",
            ["RateLimiting:ApiKey:PointsPerWindow"] = "6",
            ["RateLimiting:ApiKey:ConcurrentRequests"] = "4",
            ["RateLimiting:Anonymous:BurstPoints"] = "1000000",
            ["RateLimiting:ApiKey:BurstPoints"] = "1000000",
        };
        foreach (var (key, value) in more)
            settings[key] = value;
        return settings;
    }

    public Task<HttpResponseMessage> GetAsync(string path, string? peer = null, string? forwardedFor = null,
        string? apiKey = null, string? bearer = null, CancellationToken cancellationToken = default)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (peer is not null)
            request.Headers.Add(TestEndpoints.PeerHeader, peer);
        if (forwardedFor is not null)
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        if (apiKey is not null)
            request.Headers.Add("X-Api-Key", apiKey);
        if (bearer is not null)
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
        return Client.SendAsync(request, cancellationToken);
    }

    /// <summary>
    /// A GraphQL POST of <paramref name="query"/> from <paramref name="peer"/> (the default peer when null), with
    /// <paramref name="variablesJson"/> as the variables when given (raw JSON, so a test can send malformed ones).
    /// </summary>
    public static HttpRequestMessage GraphQLRequest(string query, string? peer = null, string? variablesJson = null)
    {
        var body = variablesJson is null
            ? JsonSerializer.Serialize(new { query })
            : $$"""{"query":{{JsonSerializer.Serialize(query)}},"variables":{{variablesJson}}}""";
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (peer is not null)
            request.Headers.Add(TestEndpoints.PeerHeader, peer);
        return request;
    }

    public async Task<HttpResponseMessage> PostGraphQLAsync(string query, string? peer = null, string? variablesJson = null,
        CancellationToken cancellationToken = default)
    {
        using var request = GraphQLRequest(query, peer, variablesJson);
        return await Client.SendAsync(request, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _configured.DisposeAsync();
        await _factory.DisposeAsync();
    }
}
