using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DepinApi.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DepinApi.Tests.Rest;

/// <summary>One service over the repository's seed data, shared by the tests of a class.</summary>
public sealed class RestApiFixture : IAsyncLifetime
{
    private ApiFactory? factory;

    public ApiFactory Factory => factory ?? throw new InvalidOperationException("Not started.");

    public HttpClient Client { get; private set; } = null!;

    /// <summary>A client that does not follow redirects, for tests of the redirects themselves.</summary>
    public HttpClient NoRedirects { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        factory = await ApiFactory.WithSeedDataAsync(Settings);
        Client = factory.CreateClient();
        NoRedirects = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        NoRedirects.Dispose();
        if (factory is not null)
            await factory.DisposeAsync();
    }

    /// <summary>Many requests from one test client must not run into the anonymous rate limit.</summary>
    public static IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["RateLimiting:Enabled"] = "false",
    };

    public Task<JsonElement> GetJsonAsync(string url) => Client.GetJsonAsync(url);

    /// <summary>Asserts that <paramref name="url"/> answers 308 to <paramref name="location"/>, which answers 200.</summary>
    public async Task AssertMovedPermanentlyAsync(string url, string location)
    {
        using var response = await NoRedirects.GetAsync(url);
        Assert.Equal(HttpStatusCode.PermanentRedirect, response.StatusCode);
        Assert.Equal(location, response.Headers.Location?.OriginalString);
        using var followed = await NoRedirects.GetAsync(location);
        Assert.Equal(HttpStatusCode.OK, followed.StatusCode);
    }
}
