using System.Net;
using DepinApi.Tests.Infrastructure;

namespace DepinApi.Tests.Rest;

/// <summary>
/// What a shared cache in front of the API may keep: data for a minute, no error and no probe. A 404 is cacheable by
/// default (RFC 9111 4.2.2), so without a word on it a cache would keep "no such figure" past the import that adds it.
/// </summary>
public class ErrorCachingTests(RestApiFixture api) : IClassFixture<RestApiFixture>
{
    [Theory]
    [InlineData("/v1/projects/no-such-project", HttpStatusCode.NotFound)]
    [InlineData("/v1/revenue/no-such-figure", HttpStatusCode.NotFound)]
    [InlineData("/v1/projects?limit=0", HttpStatusCode.BadRequest)]
    [InlineData("/v1/sources?asOf=99", HttpStatusCode.NotFound)]
    [InlineData("/no/such/url", HttpStatusCode.NotFound)]
    public async Task An_error_may_not_be_stored(string url, HttpStatusCode status)
    {
        using var response = await api.Client.GetAsync(url);

        Assert.Equal(status, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, $"{url}: Cache-Control {response.Headers.CacheControl}");
    }

    [Fact]
    public async Task A_refused_method_may_not_be_stored()
    {
        using var response = await api.Client.DeleteAsync("/v1/projects");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    public async Task A_probe_answers_for_the_moment_and_may_not_be_stored(string url)
    {
        using var response = await api.Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Theory]
    [InlineData("/v1/projects/hnt")]
    [InlineData("/v1/projects/Helium/revenue")]
    public async Task A_names_redirect_keeps_the_minute_of_the_data_it_was_read_from(string url)
    {
        using var client = api.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.PermanentRedirect, response.StatusCode);
        Assert.Equal("public, max-age=60", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Data_keeps_its_minute()
    {
        using var response = await api.Client.GetAsync("/v1/projects/helium");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("public, max-age=60", response.Headers.CacheControl?.ToString());
    }
}
