using System.Net.Http.Json;
using System.Text.Json;
using DepinApi.Tests.Infrastructure;

namespace DepinApi.Tests.Rest;

/// <summary>One service over the repository's seed data, shared by the tests of a class.</summary>
public sealed class RestApiFixture : IAsyncLifetime
{
    private ApiFactory? factory;

    public ApiFactory Factory => factory ?? throw new InvalidOperationException("Not started.");

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        factory = await ApiFactory.WithSeedDataAsync(Settings);
        Client = factory.CreateClient();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (factory is not null)
            await factory.DisposeAsync();
    }

    /// <summary>Many requests from one test client must not run into the anonymous rate limit.</summary>
    public static IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["RateLimiting:Enabled"] = "false",
    };

    public Task<JsonElement> GetJsonAsync(string url) => Client.GetJsonAsync(url);
}
